package io.barometer.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The COPY text form of each kind of value the projections write; BatchedInsertsTest sends it to PostgreSQL. */
class CopyTextTest {

    private static String line(Object... row) {
        StringBuilder out = new StringBuilder();
        assertThat(CopyText.append(out, row)).as("encodable").isTrue();
        return out.toString();
    }

    private static OffsetDateTime utc(int nanos) {
        return OffsetDateTime.of(LocalDateTime.of(2014, 3, 31, 23, 59, 59, nanos), ZoneOffset.UTC);
    }

    @Test
    void columnsAreTabSeparatedWithNullAsBackslashN() {
        UUID id = UUID.fromString("0b4c1f3e-9f1a-4c55-8f0e-2b7d5e6a9c01");
        assertThat(line(42L, 7, (short) 3, "Metz", null, true, false, id))
                .isEqualTo("42\t7\t3\tMetz\t\\N\tt\tf\t0b4c1f3e-9f1a-4c55-8f0e-2b7d5e6a9c01\n");
    }

    @Test
    void charactersThatWouldEndAColumnOrALineAreEscaped() {
        assertThat(line("a\tb", "c\nd\r", "C:\\dsi\\N", "\\.", "Éco-quartier « vert »"))
                .isEqualTo("a\\tb\tc\\nd\\r\tC:\\\\dsi\\\\N\t\\\\.\tÉco-quartier « vert »\n");
    }

    @Test
    void anEmptyTextIsNotNull() {
        assertThat(line("", null)).isEqualTo("\t\\N\n");
    }

    @Test
    void timestampsAreWrittenInUtcToTheMicrosecondRoundingHalfUp() {
        assertThat(line(utc(0))).isEqualTo("2014-03-31 23:59:59.000000+00\n");
        assertThat(line(utc(123_456_499))).isEqualTo("2014-03-31 23:59:59.123456+00\n");
        assertThat(line(utc(123_456_500))).isEqualTo("2014-03-31 23:59:59.123457+00\n");
        // Rounding up may carry into the next day.
        assertThat(line(utc(999_999_500))).isEqualTo("2014-04-01 00:00:00.000000+00\n");
        OffsetDateTime paris = OffsetDateTime.of(LocalDateTime.of(2014, 4, 1, 1, 30), ZoneOffset.ofHours(2));
        assertThat(line(paris)).isEqualTo("2014-03-31 23:30:00.000000+00\n");
        OffsetDateTime early = OffsetDateTime.of(LocalDateTime.of(7, 1, 2, 3, 4, 5), ZoneOffset.UTC);
        assertThat(line(early)).isEqualTo("0007-01-02 03:04:05.000000+00\n");
    }

    @Test
    void whatHasNoExactTextFormHereIsRefused() {
        OffsetDateTime farFuture = OffsetDateTime.of(LocalDateTime.of(10_000, 1, 1, 0, 0), ZoneOffset.UTC);
        OffsetDateTime beforeOurEra = OffsetDateTime.of(LocalDateTime.of(0, 1, 1, 0, 0), ZoneOffset.UTC);
        assertThat(CopyText.append(new StringBuilder(), new Object[] {1L, farFuture})).isFalse();
        assertThat(CopyText.append(new StringBuilder(), new Object[] {1L, beforeOurEra})).isFalse();
        assertThat(CopyText.append(new StringBuilder(), new Object[] {1L, new java.math.BigDecimal("1.5")})).isFalse();
        assertThat(CopyText.append(new StringBuilder(), new Object[] {1L, java.time.Instant.EPOCH})).isFalse();
    }
}
