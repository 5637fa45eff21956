package io.barometer.query.projection;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN}: tab-separated columns, one line per
 * row, {@code \N} for null, backslash escapes for the characters that would end a column or a line.
 * <p>
 * Only the values the projections write are known here; anything else (or a timestamp outside the years
 * PostgreSQL's ISO form writes with four digits) makes {@link #append} return false, and the caller writes
 * that batch with INSERT statements instead. Timestamps are rounded to the microsecond as the JDBC driver
 * rounds the same values in an INSERT (half a microsecond up), so that both ways store the same instant.
 */
final class CopyText {

    private CopyText() {
    }

    /** Appends one row; false, with {@code out} left partly written, when a value has no exact text form here. */
    static boolean append(StringBuilder out, Object[] row) {
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                out.append('\t');
            }
            if (!value(out, row[c])) {
                return false;
            }
        }
        out.append('\n');
        return true;
    }

    private static boolean value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String text) {
            escaped(out, text);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            out.append(value);
        } else if (value instanceof Boolean flag) {
            out.append(flag ? 't' : 'f');
        } else if (value instanceof UUID id) {
            out.append(id);
        } else if (value instanceof OffsetDateTime time) {
            return timestamp(out, time);
        } else {
            return false;
        }
        return true;
    }

    /** Copies the text in runs between the characters to escape (most texts have none). */
    private static void escaped(StringBuilder out, String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char escape = switch (text.charAt(i)) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> 0;
            };
            if (escape != 0) {
                out.append(text, run, i).append('\\').append(escape);
                run = i + 1;
            }
        }
        out.append(text, run, text.length());
    }

    private static boolean timestamp(StringBuilder out, OffsetDateTime time) {
        LocalDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        int nanos = utc.getNano();
        if (nanos % 1000 >= 500) {
            utc = utc.plusNanos(1000 - nanos % 1000);
        }
        int year = utc.getYear();
        if (year < 1 || year > 9999) {
            return false;
        }
        pad(out, year, 4).append('-');
        pad(out, utc.getMonthValue(), 2).append('-');
        pad(out, utc.getDayOfMonth(), 2).append(' ');
        pad(out, utc.getHour(), 2).append(':');
        pad(out, utc.getMinute(), 2).append(':');
        pad(out, utc.getSecond(), 2).append('.');
        pad(out, utc.getNano() / 1000, 6).append("+00");
        return true;
    }

    private static StringBuilder pad(StringBuilder out, int value, int digits) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < digits; i++) {
            out.append('0');
        }
        return out.append(text);
    }
}
