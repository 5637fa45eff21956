package io.barometer.query.projection;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Keeps PostgreSQL's statistics of the fact tables in step with what the projection writes. Autovacuum
 * analyses a table once a tenth of it changed, but only on its own round (a minute apart by default): after
 * a catch-up or a replay of a million events, views were planned for minutes as if the tables were empty
 * (a sort spilled to disk where an index scan was right). The projection asks for an analysis as soon as
 * the tables have grown by half (plans change with orders of magnitude, and each analysis costs PostgreSQL
 * a sample of every table: every tenth, a catch-up spent a tenth of its time analysing), in the
 * background, one at a time.
 */
@Component
public class FactStatistics {

    private static final Logger log = LoggerFactory.getLogger(FactStatistics.class);
    private static final long MINIMUM_ROWS = 50_000;

    private final JdbcTemplate jdbc;
    private final AtomicLong sinceAnalysis = new AtomicLong();
    private final AtomicBoolean analysing = new AtomicBoolean();
    private final Executor analyser;
    /** Rows of the fact tables as of the last analysis; -1 until read from PostgreSQL's own estimate. */
    private volatile long rowsAtAnalysis = -1;

    @Autowired
    public FactStatistics(JdbcTemplate jdbc) {
        this(jdbc, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fact-statistics");
            t.setDaemon(true);
            return t;
        }));
    }

    FactStatistics(JdbcTemplate jdbc, Executor analyser) {
        this.jdbc = jdbc;
        this.analyser = analyser;
    }

    /** Called once the rows of a batch are committed (an analysis sees only committed rows). */
    public void written(long rows) {
        long pending = sinceAnalysis.addAndGet(rows);
        if (pending >= MINIMUM_ROWS + Math.max(rowsAtAnalysis, 0) / 2 && analysing.compareAndSet(false, true)) {
            analyser.execute(this::analyse);
        }
    }

    /** The fact tables were emptied for a replay: the bar starts again from nothing. */
    public void reset() {
        sinceAnalysis.set(0);
        rowsAtAnalysis = 0;
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
            jdbc.execute("ANALYZE answer_fact, answer_attribution, collectivite_fact, campaign_fact");
            rowsAtAnalysis += rows;
        } catch (RuntimeException e) {
            // Autovacuum still gets there on its own round; a failed analysis only costs plans for a while.
            log.warn("Could not analyse the fact tables: {}", e.getMessage());
        } finally {
            analysing.set(false);
        }
    }

    @PreDestroy
    void stop() {
        if (analyser instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }
}
