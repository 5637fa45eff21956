package io.barometer.query.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * An export read back by Jackson's RFC 4180 parser, not by a reader of our own, so that a quoting mistake
 * of the writer cannot be mirrored by the same mistake in the test.
 */
public record CsvFile(List<String> header, List<List<String>> rows) {

    private static final CsvMapper MAPPER = new CsvMapper();

    /** The text of a whole export: its byte-order mark, a header row and the data rows. */
    public static CsvFile parse(String text, char delimiter) {
        assertThat(text).as("byte-order mark").startsWith("\uFEFF");
        List<List<String>> all = new ArrayList<>();
        try (MappingIterator<List<String>> lines = MAPPER.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvSchema.emptySchema().withColumnSeparator(delimiter))
                .readValues(text.substring(1))) {
            lines.forEachRemaining(all::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(all).as("header row").isNotEmpty();
        List<String> header = all.get(0);
        List<List<String>> rows = all.subList(1, all.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)).as("cells of row %d", i + 1).hasSameSizeAs(header);
        }
        return new CsvFile(header, List.copyOf(rows));
    }

    public List<String> column(String name) {
        int index = index(name);
        return rows.stream().map(r -> r.get(index)).toList();
    }

    /** Each row as column → cell, in column order. */
    public List<Map<String, String>> records() {
        return rows.stream().map(r -> {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(header.get(i), r.get(i));
            }
            return record;
        }).toList();
    }

    private int index(String name) {
        int index = header.indexOf(name);
        assertThat(index).as("column %s in %s", name, header).isNotNegative();
        return index;
    }
}
