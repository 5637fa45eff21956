package io.barometer.query.asof;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** PostgreSQL's timestamps: read from a row as instants, and compared as its own microseconds. */
final class Timestamps {

    /** PostgreSQL's timestamps count microseconds from 2000-01-01 UTC. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    private Timestamps() {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * An instant as PostgreSQL's microseconds, rounded down: an entry counts as of {@code t} only when its
     * latest clock is at or before this, never later than the instant PostgreSQL compares with.
     */
    static long micros(Instant t) {
        return (t.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000L + t.getNano() / 1_000;
    }
}
