package io.barometer.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.barometer.query.testing.Services;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The projection's two ways into PostgreSQL, against the real one: a large batch by COPY, a small one (or one
 * COPY cannot take) by INSERTs, and both store exactly the same values; a batch holding rows already there
 * falls back to the INSERTs, which keep the first rows and add the rest.
 */
class BatchedInsertsTest {

    private static final BatchedInserts.Insert PROBE = BatchedInserts.Insert.of("copy_probe",
            "global_index, n, s, t, x, at, id, flag",
            Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.OTHER, Types.BOOLEAN);

    private static final String[] TEXTS = {"", "Metz", "a\tb", "line\nbreak\r", "C:\\dsi\\N", "\\N", "\\.",
            "Éco-quartier « vert » ∑ 🚲", "  spaced  ", "'quoted' \"twice\""};
    private static final int[] NANOS = {0, 1_000, 123_456_499, 123_456_500, 999_999_499, 999_999_500, 500, 499};

    private static JdbcTemplate jdbc;
    private static BatchedInserts inserts;
    private static TransactionTemplate transactions;
    private static MeterRegistry registry;
    private static TransactionManager axonTransactions;

    @BeforeAll
    static void probeTable() {
        Services services = Services.get();
        jdbc = services.query.getBean(JdbcTemplate.class);
        inserts = services.query.getBean(BatchedInserts.class);
        transactions = new TransactionTemplate(services.query.getBean(PlatformTransactionManager.class));
        registry = services.query.getBean(MeterRegistry.class);
        axonTransactions = services.query.getBean(TransactionManager.class);
        jdbc.execute("DROP TABLE IF EXISTS copy_probe");
        jdbc.execute("""
                CREATE TABLE copy_probe (global_index BIGINT PRIMARY KEY, n INTEGER, s SMALLINT, t VARCHAR(300),
                                         x TEXT, at TIMESTAMPTZ, id UUID, flag BOOLEAN)
                """);
    }

    @AfterAll
    static void dropProbeTable() {
        jdbc.execute("DROP TABLE copy_probe");
    }

    /** Row i of a batch whose keys start at {@code first}: every kind of value, nulls in turn. */
    private static Object[] row(long first, int i, String tag) {
        OffsetDateTime at = OffsetDateTime.of(LocalDateTime.of(2014, 3, 31, 23, 59, 59, NANOS[i % NANOS.length]),
                i % 3 == 0 ? ZoneOffset.UTC : ZoneOffset.ofHoursMinutes(2, 30)).plusDays(i);
        if (i % 17 == 5) {
            at = OffsetDateTime.of(LocalDateTime.of(7, 1, 2, 3, 4, 5, 6_000), ZoneOffset.UTC);
        }
        return new Object[] {first + i, i % 5 == 1 ? null : i * 1000, i % 6 == 2 ? null : (short) (i % 300),
                i % 7 == 3 ? null : TEXTS[i % TEXTS.length] + tag, i % 4 == 0 ? null : TEXTS[(i + 3) % TEXTS.length],
                i % 9 == 4 ? null : at, i % 8 == 6 ? null : UUID.nameUUIDFromBytes(("p" + i).getBytes()),
                i % 10 == 7 ? null : i % 2 == 0};
    }

    private static List<Object[]> rows(long first, int count, String tag) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(first, i, tag));
        }
        return rows;
    }

    private static void write(List<Object[]> rows) {
        Map<BatchedInserts.Insert, List<Object[]>> batch = new LinkedHashMap<>();
        batch.put(PROBE, rows);
        transactions.executeWithoutResult(status -> inserts.write(batch));
    }

    /** Batches too small for COPY. */
    private static void writeInSmallBatches(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 50) {
            write(rows.subList(from, Math.min(rows.size(), from + 50)));
        }
    }

    private static double batches(String method) {
        return registry.get("barometer.projection.batches").tag("method", method).counter().count();
    }

    private static List<Map<String, Object>> stored(long from, long to) {
        return jdbc.queryForList("""
                SELECT global_index - ? AS i, n, s, t, x, at, id, flag FROM copy_probe
                WHERE global_index BETWEEN ? AND ? ORDER BY global_index
                """, from, from, to);
    }

    @Test
    void aLargeBatchGoesByCopyAndStoresWhatTheInsertsStore() {
        double copies = batches("copy"), insertBatches = batches("insert");
        write(rows(10_000, 150, ""));
        assertThat(batches("copy")).isEqualTo(copies + 1);
        assertThat(batches("insert")).isEqualTo(insertBatches);

        writeInSmallBatches(rows(20_000, 150, ""));
        assertThat(batches("insert")).isEqualTo(insertBatches + 3);
        assertThat(batches("copy")).isEqualTo(copies + 1);

        List<Map<String, Object>> byCopy = stored(10_000, 10_149);
        assertThat(byCopy).hasSize(150).isEqualTo(stored(20_000, 20_149));
        // And what was stored is what was sent: the texts whole, the instants to the microsecond.
        for (int i = 0; i < 150; i++) {
            Object[] sent = row(10_000, i, "");
            Map<String, Object> got = byCopy.get(i);
            assertThat(got.get("t")).as("row %d", i).isEqualTo(sent[3]);
            assertThat(got.get("x")).as("row %d", i).isEqualTo(sent[4]);
            assertThat(got.get("flag")).as("row %d", i).isEqualTo(sent[7]);
            assertThat(got.get("id")).as("row %d", i).isEqualTo(sent[6]);
        }
        Map<String, Object> roundedUp = jdbc.queryForMap("""
                SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS at FROM copy_probe
                WHERE global_index = ?
                """, 10_000L + 3);
        assertThat(roundedUp.get("at")).isEqualTo("2014-04-03 23:59:59.123457");
    }

    @Test
    void aBatchHoldingRowsAlreadyThereFallsBackToTheInsertsWhichKeepTheFirstRows() {
        write(rows(30_000, 150, " first"));
        double copies = batches("copy"), insertBatches = batches("insert");
        write(rows(30_100, 150, " again"));
        assertThat(batches("copy")).isEqualTo(copies);
        assertThat(batches("insert")).isEqualTo(insertBatches + 1);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM copy_probe WHERE global_index BETWEEN 30000 AND 30249",
                Long.class)).isEqualTo(250);
        // The overlap keeps the first batch's rows, the rest is the second's: as the INSERTs alone store them.
        writeInSmallBatches(rows(70_000, 150, " first"));
        writeInSmallBatches(rows(80_000, 150, " again"));
        assertThat(stored(30_000, 30_149)).hasSize(150).isEqualTo(stored(70_000, 70_149));
        assertThat(stored(30_150, 30_249)).hasSize(100).isEqualTo(stored(80_050, 80_149));
    }

    @Test
    void aBatchWithAValueCopyCannotTakeGoesByTheInserts() {
        List<Object[]> rows = rows(40_000, 150, "");
        rows.get(42)[5] = OffsetDateTime.of(LocalDateTime.of(10_000, 1, 1, 0, 0), ZoneOffset.UTC);
        double copies = batches("copy");
        write(rows);
        assertThat(batches("copy")).isEqualTo(copies);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM copy_probe WHERE global_index BETWEEN 40000 AND 40149",
                Long.class)).isEqualTo(150);
    }

    /** As a tracking processor writes a batch: rows collected in a unit of work, written as it commits. */
    @Test
    void aUnitOfWorkWithItsTransactionWritesItsRowsByCopyWhenItCommits() {
        double copies = batches("copy");
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(axonTransactions);
        rows(60_000, 150, "").forEach(row -> inserts.add(PROBE, row));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM copy_probe WHERE global_index BETWEEN 60000 AND 60149",
                Long.class)).as("nothing written before the commit").isZero();
        unitOfWork.commit();
        assertThat(batches("copy")).isEqualTo(copies + 1);
        writeInSmallBatches(rows(61_000, 150, ""));
        assertThat(stored(60_000, 60_149)).hasSize(150).isEqualTo(stored(61_000, 61_149));
    }

    @Test
    void aHighestValueIsWrittenOncePerKeyAtCommitAndNeverLowered() {
        BatchedInserts.Highest probe = BatchedInserts.Highest.of("highest_probe", "a", "b", "v");
        jdbc.execute("DROP TABLE IF EXISTS highest_probe");
        jdbc.execute("CREATE TABLE highest_probe (a TEXT, b TEXT, v BIGINT NOT NULL, PRIMARY KEY (a, b))");
        try {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(axonTransactions);
            inserts.highest(probe, "c", "x", 3);
            inserts.highest(probe, "c", "x", 7);
            inserts.highest(probe, "c", "x", 5);
            inserts.highest(probe, "c", "y", 1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM highest_probe", Long.class))
                    .as("nothing written before the commit").isZero();
            unitOfWork.commit();
            assertThat(jdbc.queryForList("SELECT b || '=' || v FROM highest_probe ORDER BY b", String.class))
                    .containsExactly("x=7", "y=1");
            // A redelivered event, outside a unit of work here: a lower number leaves the row as it is.
            inserts.highest(probe, "c", "x", 4);
            inserts.highest(probe, "c", "y", 2);
            assertThat(jdbc.queryForList("SELECT b || '=' || v FROM highest_probe ORDER BY b", String.class))
                    .containsExactly("x=7", "y=2");
        } finally {
            jdbc.execute("DROP TABLE highest_probe");
        }
    }

    @Test
    void aRolledBackTransactionLeavesNothingOfItsCopy() {
        Map<BatchedInserts.Insert, List<Object[]>> batch = new LinkedHashMap<>();
        batch.put(PROBE, rows(50_000, 150, ""));
        transactions.executeWithoutResult(status -> {
            inserts.write(batch);
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM copy_probe WHERE global_index BETWEEN 50000 AND 50149", Long.class))
                .isZero();
    }
}
