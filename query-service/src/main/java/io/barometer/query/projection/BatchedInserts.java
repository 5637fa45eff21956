package io.barometer.query.projection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Collects the rows a batch of events produces and writes them when the batch's unit of work prepares to
 * commit, in the same transaction as the processor's token: a statement per event would cap a replay far
 * below the events per second the design asks for.
 * <p>
 * A large batch goes to PostgreSQL as one {@code COPY} per table: it costs PostgreSQL 40 % less than the same
 * rows as multi-row INSERTs (no statement of thousands of parameters to parse and plan, and the heap filled a
 * page at a time), and PostgreSQL is most of a replay's work. COPY has no {@code ON CONFLICT DO NOTHING},
 * which makes a redelivered event harmless; so it runs under a savepoint, and if it fails for any reason
 * the batch is written again with the INSERTs, which skip what is already there (or fail for the real
 * reason). A small batch (the live projection, an event or a few at a time) goes straight to the INSERTs.
 */
@Component
public class BatchedInserts {

    /**
     * The rows of one table: its columns, each with the JDBC type of its values (nulls need it). Compared by
     * identity: each projection holds its own as a constant, and every event looks its table up.
     */
    public static final class Insert {

        private final String table;
        private final int[] types;
        private final String insertSql;
        private final String copySql;

        private Insert(String table, List<String> columns, int[] types) {
            this.table = table;
            this.types = types.clone();
            String names = String.join(", ", columns);
            this.insertSql = "INSERT INTO " + table + " (" + names + ") VALUES ("
                    + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") ON CONFLICT DO NOTHING";
            this.copySql = "COPY " + table + " (" + names + ") FROM STDIN";
        }

        /** {@code columns} as in SQL, comma-separated; one type per column. */
        public static Insert of(String table, String columns, int... types) {
            List<String> names = Arrays.stream(columns.split(",")).map(String::trim).toList();
            if (names.size() != types.length) {
                throw new IllegalArgumentException(
                        table + ": " + names.size() + " columns, " + types.length + " types");
            }
            return new Insert(table, names, types);
        }

        public String table() {
            return table;
        }

        int columnCount() {
            return types.length;
        }
    }

    /**
     * A table of one row per key (two text columns) holding the highest number seen for it, such as a
     * response's version: however many events of a batch touch a key, it is written once, by an upsert that
     * never lowers the number (a redelivered event is harmless).
     */
    public static final class Highest {

        private final String upsertSql;

        private Highest(String table, String first, String second, String value) {
            this.upsertSql = "INSERT INTO " + table + " (" + first + ", " + second + ", " + value
                    + ") VALUES (?, ?, ?) ON CONFLICT (" + first + ", " + second + ") DO UPDATE SET " + value
                    + " = GREATEST(" + table + "." + value + ", EXCLUDED." + value + ")";
        }

        public static Highest of(String table, String first, String second, String value) {
            return new Highest(table, first, second, value);
        }
    }

    private record Key(Highest table, String first, String second) {
    }

    /** Below this many rows in a batch, INSERTs: COPY's savepoint costs two more round trips. */
    static final int COPY_MINIMUM_ROWS = 100;

    private static final Logger log = LoggerFactory.getLogger(BatchedInserts.class);
    private static final String RESOURCE = BatchedInserts.class.getName();

    private final JdbcTemplate jdbc;
    private final FactStatistics statistics;
    private final Counter copied;
    private final Counter inserted;

    public BatchedInserts(JdbcTemplate jdbc, FactStatistics statistics, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.statistics = statistics;
        // A COPY that keeps falling back to INSERTs (events delivered twice) shows here.
        this.copied = batches(registry, "copy");
        this.inserted = batches(registry, "insert");
    }

    private static Counter batches(MeterRegistry registry, String method) {
        return Counter.builder("barometer.projection.batches")
                .description("Batches of projected rows written, by how they went to PostgreSQL")
                .tag("method", method)
                .register(registry);
    }

    public void add(Insert insert, Object... row) {
        if (row.length != insert.columnCount()) {
            throw new IllegalArgumentException("expected " + insert.columnCount() + " values for " + insert.table());
        }
        if (!CurrentUnitOfWork.isStarted()) {
            insert(insert, Collections.singletonList(row));
            inserted.increment();
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<Insert, List<Object[]>> pending = unitOfWork.getOrComputeResource(RESOURCE, key -> {
            Map<Insert, List<Object[]>> rows = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> write(rows));
            unitOfWork.afterCommit(u -> statistics.written(count(rows)));
            return rows;
        });
        pending.computeIfAbsent(insert, k -> new ArrayList<>()).add(row);
    }

    /** Keeps {@code value} for the key if it is the highest of the batch; written with the batch's rows. */
    public void highest(Highest table, String first, String second, long value) {
        if (!CurrentUnitOfWork.isStarted()) {
            upsert(Map.of(new Key(table, first, second), value));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<Key, Long> pending = unitOfWork.getOrComputeResource(RESOURCE + ".highest", key -> {
            Map<Key, Long> values = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> upsert(values));
            return values;
        });
        pending.merge(new Key(table, first, second), value, Math::max);
    }

    private void upsert(Map<Key, Long> values) {
        Map<Highest, List<Map.Entry<Key, Long>>> byTable = values.entrySet().stream()
                .collect(Collectors.groupingBy(e -> e.getKey().table(), LinkedHashMap::new, Collectors.toList()));
        byTable.forEach((table, rows) -> jdbc.batchUpdate(table.upsertSql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Map.Entry<Key, Long> row = rows.get(i);
                ps.setString(1, row.getKey().first());
                ps.setString(2, row.getKey().second());
                ps.setLong(3, row.getValue());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        }));
    }

    /** Writes every table's rows, by COPY where it can. */
    void write(Map<Insert, List<Object[]>> rows) {
        if (count(rows) >= COPY_MINIMUM_ROWS && TransactionSynchronizationManager.isActualTransactionActive()
                && copied(rows)) {
            copied.increment();
        } else {
            rows.forEach(this::insert);
            inserted.increment();
        }
    }

    private static long count(Map<Insert, List<Object[]>> rows) {
        return rows.values().stream().mapToLong(List::size).sum();
    }

    /** True when every row went in by COPY; false, with nothing written, when the INSERTs must do it. */
    private boolean copied(Map<Insert, List<Object[]>> rows) {
        Map<Insert, byte[]> texts = new LinkedHashMap<>();
        for (Map.Entry<Insert, List<Object[]>> table : rows.entrySet()) {
            StringBuilder text = new StringBuilder(table.getValue().size() * 160);
            for (Object[] row : table.getValue()) {
                if (!CopyText.append(text, row)) {
                    return false;
                }
            }
            texts.put(table.getKey(), text.toString().getBytes(StandardCharsets.UTF_8));
        }
        Boolean done = jdbc.execute((ConnectionCallback<Boolean>) connection -> copy(connection, texts));
        return Boolean.TRUE.equals(done);
    }

    private static boolean copy(Connection connection, Map<Insert, byte[]> texts) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<Insert, byte[]> table : texts.entrySet()) {
                copies.copyIn(table.getKey().copySql, new ByteArrayInputStream(table.getValue()));
            }
        } catch (SQLException | IOException e) {
            // Most likely a row already there (a redelivered event): the INSERTs skip it.
            log.debug("COPY failed ({}); writing the batch with INSERTs", e.getMessage());
            connection.rollback(savepoint);
            return false;
        }
        connection.releaseSavepoint(savepoint);
        return true;
    }

    private void insert(Insert insert, List<Object[]> rows) {
        int[] types = insert.types;
        jdbc.batchUpdate(insert.insertSql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                for (int c = 0; c < row.length; c++) {
                    if (row[c] == null) {
                        ps.setNull(c + 1, types[c]);
                    } else {
                        ps.setObject(c + 1, row[c], types[c]);
                    }
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }
}
