package io.barometer.query.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.barometer.events.ProgressStatus;
import io.barometer.query.testing.CsvFile;

class CsvTest {

    private static final List<String> COLUMNS = List.of("code", "text", "count", "flag", "at");

    private static String written(char delimiter, Object[]... rows) throws IOException {
        StringWriter out = new StringWriter();
        try (Csv csv = new Csv(out, delimiter, COLUMNS)) {
            for (Object[] row : rows) {
                csv.row(row);
            }
        }
        return out.toString();
    }

    @Test
    void textIsQuotedNumbersAndBooleansAreBareAndNullIsAnEmptyCell() throws IOException {
        String file = written(',', new Object[] {ProgressStatus.DONE, "Vannes", 3, true,
                Instant.parse("2014-03-15T22:59:59Z")}, new Object[] {null, null, null, null, null});
        assertThat(file).isEqualTo("\uFEFF\"code\",\"text\",\"count\",\"flag\",\"at\"\r\n"
                + "\"DONE\",\"Vannes\",3,true,\"2014-03-15T22:59:59Z\"\r\n"
                + ",,,,\r\n");
    }

    @Test
    void aNegativeNumberStaysABareNumber() throws IOException {
        String file = written(';', new Object[] {null, null, -42, false, null},
                new Object[] {null, null, Long.MIN_VALUE, null, null});
        assertThat(file).contains("\r\n;;-42;false;\r\n").contains(";;" + Long.MIN_VALUE + ";;\r\n");
        assertThat(CsvFile.parse(file, ';').column("count")).containsExactly("-42", String.valueOf(Long.MIN_VALUE));
    }

    @Test
    void quotesDelimitersAndLineBreaksRoundTripThroughAnRfc4180Parser() throws IOException {
        List<String> texts = List.of("Dit \"Smart\" city", "a,b;c\td", "ligne 1\r\nligne 2", "fin\n", "\"",
                "\"\"", "", " espaces ");
        for (char delimiter : new char[] {',', ';', '\t'}) {
            Object[][] rows = texts.stream().map(t -> new Object[] {null, t, null, null, null}).toArray(Object[][]::new);
            String file = written(delimiter, rows);
            assertThat(file).contains("\"Dit \"\"Smart\"\" city\"");
            assertThat(CsvFile.parse(file, delimiter).column("text")).as("delimiter %s", delimiter)
                    .containsExactlyElementsOf(texts);
        }
    }

    @Test
    void aTextStartingLikeAFormulaGetsAnApostropheInsideItsQuotes() throws IOException {
        for (String first : List.of("=", "+", "-", "@", "\t", "\r", "'")) {
            String typed = first + "HYPERLINK(\"http://x.test\",\"Cliquez\")";
            for (char delimiter : new char[] {',', ';', '\t'}) {
                String file = written(delimiter, new Object[] {null, typed, -3, null, null});
                assertThat(file).as("%s with %s", typed, delimiter)
                        .contains(delimiter + "\"'" + typed.replace("\"", "\"\"") + "\"" + delimiter + "-3" + delimiter);
                String cell = CsvFile.parse(file, delimiter).column("text").get(0);
                assertThat(cell).isEqualTo("'" + typed);
                assertThat(cell.substring(1)).as("the text as typed").isEqualTo(typed);
            }
        }
    }

    @Test
    void otherTextsAndTheProductsOwnValuesAreWrittenAsTheyAre() throws IOException {
        for (String text : List.of("Vannes", "a=b", "1+1", "Île-de-France", "\nligne", " =espace", "")) {
            assertThat(Csv.guarded(text)).isSameAs(text);
        }
        assertThat(Csv.guarded("-3")).as("a text, even numeric-looking").isEqualTo("'-3");
        String file = written(',', new Object[] {ProgressStatus.STUDY, "-3", -3, false, Instant.parse("2020-01-01T00:00:00Z")});
        assertThat(file).endsWith("\r\n\"STUDY\",\"'-3\",-3,false,\"2020-01-01T00:00:00Z\"\r\n");
    }

    @Test
    void aFileWithoutRowsStillHasItsHeader() throws IOException {
        assertThat(written('\t')).isEqualTo("\uFEFF\"code\"\t\"text\"\t\"count\"\t\"flag\"\t\"at\"\r\n");
    }

    @Test
    void aRowOfTheWrongWidthIsRefusedRatherThanShiftingColumns() {
        assertThatThrownBy(() -> written(',', new Object[] {"DONE", "x", 1, true})).isInstanceOf(IllegalArgumentException.class);
    }
}
