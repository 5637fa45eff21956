package io.barometer.query.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * One export file, written through Jackson's CSV generator: a UTF-8 byte-order mark (so that Excel reads
 * the accented labels), a header row, CRLF line ends. Every text cell is quoted and numbers and booleans
 * are bare, so a spreadsheet or SPSS reads each cell with the type the product meant. A text that a
 * spreadsheet would run as a formula is written as text (see {@link #guarded}).
 */
final class Csv implements Closeable {

    static final char BOM = '\uFEFF';

    /**
     * First characters at which Excel or LibreOffice start a formula (OWASP, CSV injection), then the
     * apostrophe itself: the prefix is added to every text starting with one of them, so removing one
     * leading apostrophe always gives back the text as typed.
     */
    static final String GUARDED_FIRST_CHARACTERS = "=+-@\t\r'";

    // Thread-safe once configured; the factory, not the generator, is what is worth sharing.
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final List<String> columns;
    private final CsvGenerator out;

    Csv(Writer writer, char delimiter, List<String> columns) throws IOException {
        this.columns = List.copyOf(columns);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setColumnSeparator(delimiter)
                .setLineSeparator("\r\n").setNullValue("").disableEscapeChar();
        this.columns.forEach(schema::addColumn);
        writer.write(BOM);
        out = FACTORY.createGenerator(writer);
        out.setSchema(schema.build());
    }

    /**
     * One row, its cells in column order: an integer or a boolean is written bare, null as an
     * empty cell ("not answered"), an enum by its name and anything else as text.
     */
    void row(Object... cells) throws IOException {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        out.writeStartObject();
        for (int i = 0; i < cells.length; i++) {
            out.writeFieldName(columns.get(i));
            write(cells[i]);
        }
        out.writeEndObject();
    }

    private void write(Object cell) throws IOException {
        if (cell == null) {
            out.writeNull();
        } else if (cell instanceof Integer || cell instanceof Long) {
            out.writeNumber(((Number) cell).longValue());
        } else if (cell instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (cell instanceof Enum<?> e) {
            out.writeString(guarded(e.name()));
        } else if (cell instanceof Instant || cell instanceof CharSequence) {
            out.writeString(guarded(cell.toString()));
        } else {
            throw new IllegalArgumentException("no CSV form for " + cell.getClass().getName());
        }
    }

    /**
     * The text with a leading apostrophe when it starts like a formula. The people who type these texts
     * (city staff) are not those who open the files (analysts), so a typed {@code =HYPERLINK(…)} must not
     * run; inside a quoted cell the apostrophe makes both spreadsheets read the rest as text. Numbers and
     * booleans never come here, so a negative number stays a number.
     */
    static String guarded(String text) {
        return !text.isEmpty() && GUARDED_FIRST_CHARACTERS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Writes the header too when no row came, and hands every byte to the writer (which stays open). */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
