package io.barometer.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 rows: a field holding the delimiter, a quote or a line break is quoted, quotes doubled.
 * The file starts with a UTF-8 byte-order mark so that Excel reads accented labels correctly.
 */
final class Csv {

    static final char BOM = '\uFEFF';

    private final Writer out;
    private final char delimiter;

    Csv(Writer out, char delimiter) {
        this.out = out;
        this.delimiter = delimiter;
    }

    void bom() throws IOException {
        out.write(BOM);
    }

    void row(List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            out.write(escape(fields.get(i)));
        }
        out.write("\r\n");
    }

    String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(delimiter) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
