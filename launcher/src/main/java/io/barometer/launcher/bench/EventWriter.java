package io.barometer.launcher.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.barometer.events.MetadataKeys;

/**
 * Appends well-formed events straight into the event table, in the format Axon's JacksonSerializer
 * writes, so that the benchmark can grow the store to a million events in minutes. Only the benchmark
 * does this: the product appends through its aggregates.
 */
final class EventWriter implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

    private final Connection connection;
    private final PreparedStatement insert;
    private int pending;
    private long written;

    EventWriter(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                                                time_stamp, aggregate_identifier, sequence_number, type)
                VALUES (?, ?, ?, '1', ?, ?, ?, ?, ?)
                """);
    }

    void append(String aggregateId, long sequence, String aggregateType, Object payload, Instant recordedAt,
                Instant effectiveAt, String userId, String role) throws SQLException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(MetadataKeys.USER_ID, userId);
        meta.put(MetadataKeys.USER_ROLE, role);
        meta.put(MetadataKeys.SOURCE, MetadataKeys.SOURCE_API);
        meta.put(MetadataKeys.REQUEST_ID, "bench");
        meta.put(MetadataKeys.EFFECTIVE_AT, effectiveAt.toString());
        try {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setBytes(2, JSON.writeValueAsBytes(meta));
            insert.setBytes(3, JSON.writeValueAsBytes(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        insert.setString(4, payload.getClass().getName());
        insert.setString(5, recordedAt.toString());
        insert.setString(6, aggregateId);
        insert.setLong(7, sequence);
        insert.setString(8, aggregateType);
        insert.addBatch();
        written++;
        if (++pending == 1000) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            connection.commit();
            pending = 0;
        }
    }

    /** VACUUM ANALYZE of the event table, after what this writer appended; VACUUM cannot run in a transaction. */
    void vacuumEventTable() throws SQLException {
        flush();
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE) domain_event_entry");
        } finally {
            connection.setAutoCommit(false);
        }
    }

    long written() {
        return written;
    }

    @Override
    public void close() throws SQLException {
        flush();
        insert.close();
        connection.close();
    }
}
