package io.barometer.query.projection;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Keeps PostgreSQL's knowledge of the fact tables in step with what the projection writes.
 * <p>
 * Statistics: autovacuum analyses a table once a tenth of it changed, but only on its own round (a minute
 * apart by default): after a catch-up or a replay of a million events, views were planned for minutes as if
 * the tables were empty (a sort spilled to disk where an index scan was right). The projection asks for an
 * analysis as soon as the tables have grown by half (plans change with orders of magnitude, and each analysis
 * costs PostgreSQL a sample of every table: every tenth, a catch-up spent a tenth of its time analysing).
 * <p>
 * Visibility: the whole-campaign project scan reads a covering index alone only where the heap pages are
 * marked all-visible, which only a vacuum does (autovacuum, for an insert-only table, after a fifth of it
 * was added). So once the projection has written a good number of rows and then paused (a catch-up or a
 * replay is over, an import is in), the tables are vacuumed — never while it runs flat out, where the
 * vacuum would only slow it — and once after each start. Both run in the background, one at a time.
 */
@Component
public class FactStatistics {

    private static final Logger log = LoggerFactory.getLogger(FactStatistics.class);
    private static final long MINIMUM_ROWS = 50_000;
    /** Fewer new rows than this are left to autovacuum: a few heap visits cost less than a vacuum. */
    static final long SETTLE_MINIMUM_ROWS = 1_000;
    /** How long the projection must have written nothing before the tables are vacuumed. */
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final String TABLES = "answer_fact, answer_attribution, collectivite_fact, campaign_fact";
    /** After a failed vacuum (PostgreSQL down or busy), how long before the next attempt. */
    static final long RETRY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final JdbcTemplate jdbc;
    private final Executor maintenance;
    private final LongSupplier clock;
    private final AtomicLong sinceAnalysis = new AtomicLong();
    private final AtomicLong sinceVacuum = new AtomicLong();
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean vacuuming;
    private volatile long lastWrite;
    /** Whether the last vacuum failed, and when the next may be tried (clock value). */
    private volatile boolean failing;
    private volatile long retryAt;
    /** Rows of the fact tables as of the last analysis; -1 until read from PostgreSQL's own estimate. */
    private volatile long rowsAtAnalysis = -1;

    @Autowired
    public FactStatistics(JdbcTemplate jdbc) {
        this(jdbc, maintenanceThread(), System::nanoTime, true);
        ((ScheduledExecutorService) maintenance).scheduleWithFixedDelay(this::settle, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * {@code vacuumAtStart}: vacuum once the projection is first quiet, whatever it wrote. A migration that
     * rewrote a fact table (V21 added a column) leaves none of its pages all-visible, and autovacuum counts
     * no insert to prompt it: views would read the heap until new writes came.
     */
    FactStatistics(JdbcTemplate jdbc, Executor maintenance, LongSupplier clock, boolean vacuumAtStart) {
        this.jdbc = jdbc;
        this.maintenance = maintenance;
        this.clock = clock;
        this.lastWrite = clock.getAsLong();
        if (vacuumAtStart) {
            sinceVacuum.set(SETTLE_MINIMUM_ROWS);
        }
    }

    private static ScheduledExecutorService maintenanceThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "fact-statistics");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    /** Called once the rows of a batch are committed (an analysis or a vacuum sees only committed rows). */
    public void written(long rows) {
        lastWrite = clock.getAsLong();
        sinceVacuum.addAndGet(rows);
        long pending = sinceAnalysis.addAndGet(rows);
        if (pending >= MINIMUM_ROWS + Math.max(rowsAtAnalysis, 0) / 2 && busy.compareAndSet(false, true)) {
            maintenance.execute(this::analyse);
        }
    }

    /** The fact tables were emptied for a replay: the bar starts again from nothing. */
    public void reset() {
        sinceAnalysis.set(0);
        sinceVacuum.set(0);
        rowsAtAnalysis = 0;
    }

    /** Vacuums (and analyses) the tables once the projection has paused after writing enough rows. */
    void settle() {
        long now = clock.getAsLong();
        if (sinceVacuum.get() < SETTLE_MINIMUM_ROWS || now - lastWrite < QUIET_NANOS
                || (failing && now - retryAt < 0) || !busy.compareAndSet(false, true)) {
            return;
        }
        vacuuming = true;
        long vacuumed = sinceVacuum.getAndSet(0);
        long analysed = sinceAnalysis.getAndSet(0);
        try {
            jdbc.execute("VACUUM (ANALYZE) " + TABLES);
            if (rowsAtAnalysis >= 0) {
                rowsAtAnalysis += analysed;
            }
            if (failing) {
                log.info("Vacuumed the fact tables again");
            }
            failing = false;
        } catch (RuntimeException e) {
            // Autovacuum still gets there on its own; until then the scans visit the heap as well. Tried again
            // a minute later, and said once per run of failures rather than every second while PostgreSQL is away.
            sinceVacuum.addAndGet(vacuumed);
            sinceAnalysis.addAndGet(analysed);
            retryAt = clock.getAsLong() + RETRY_NANOS;
            if (!failing) {
                log.warn("Could not vacuum the fact tables (trying again every minute): {}", e.getMessage());
            }
            failing = true;
        } finally {
            vacuuming = false;
            busy.set(false);
        }
    }

    /**
     * Whether rows written since the last vacuum still wait for one (or it is running): until it is done,
     * views read the heap beside the covering indexes, and the vacuum takes CPU from them.
     */
    public boolean vacuumPending() {
        return vacuuming || sinceVacuum.get() >= SETTLE_MINIMUM_ROWS;
    }

    private void analyse() {
        long rows = sinceAnalysis.getAndSet(0);
        try {
            if (rowsAtAnalysis < 0) {
                // After a restart, the tables already hold what earlier runs wrote: half of that is the bar.
                Long known = jdbc.queryForObject("""
                        SELECT coalesce(sum(greatest(reltuples, 0)), 0)::bigint FROM pg_class
                        WHERE oid IN ('answer_fact'::regclass, 'answer_attribution'::regclass)
                        """, Long.class);
                rowsAtAnalysis = known == null ? 0 : known;
                if (rows < MINIMUM_ROWS + rowsAtAnalysis / 2) {
                    sinceAnalysis.addAndGet(rows);
                    return;
                }
            }
            jdbc.execute("ANALYZE " + TABLES);
            rowsAtAnalysis += rows;
        } catch (RuntimeException e) {
            // Autovacuum still gets there on its own round; a failed analysis only costs plans for a while.
            log.warn("Could not analyse the fact tables: {}", e.getMessage());
        } finally {
            busy.set(false);
        }
    }

    @PreDestroy
    void stop() {
        if (maintenance instanceof ScheduledExecutorService service) {
            service.shutdownNow();
        }
    }
}
