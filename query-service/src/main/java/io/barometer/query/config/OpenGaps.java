package io.barometer.query.config;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which gaps of the event store's global index can no longer fill, as PostgreSQL's own list of running
 * transactions tells. Axon guesses it from time (a gap whose neighbours are older than a minute) or distance
 * (10 000 indexes on); an append that committed later than that would never be projected.
 *
 * <p>A gap is an index that a transaction took and has not committed: it is still running, or it rolled back.
 * A transaction gets its id when it writes its first row, microseconds after it took the index, so a snapshot of
 * the running transactions taken a moment after the gap was first seen holds it if it still runs. Once every
 * transaction of that snapshot has ended (the oldest one running is past the snapshot's {@code xmax}), the gap is
 * settled: its event, if it was committed, is visible to every read that starts afterwards, and if no such read
 * finds it, it never will. Ids are PostgreSQL's 64-bit ones ({@code xid8}): no wraparound to reason about.
 *
 * <p>What this remembers (when each gap was first seen, and that snapshot) is per instance and lost on a
 * restart, which only delays a settlement by {@link #SIGHTING_GRACE}.
 */
public class OpenGaps {

    /** How long after first seeing a gap the snapshot is taken: far beyond the microseconds the id can lag. */
    static final Duration SIGHTING_GRACE = Duration.ofSeconds(1);
    private static final int REMEMBERED = 10_000;
    private static final long FORGOTTEN_AFTER_NANOS = Duration.ofMinutes(10).toNanos();

    private final JdbcClient jdbc;
    private final ConcurrentMap<Long, Sighting> sightings = new ConcurrentHashMap<>();

    /** First seen at {@code nanos}; {@code xmax} of the snapshot taken after the grace, -1 until then. */
    private record Sighting(long nanos, long xmax) {
    }

    private record Snapshot(long xmin, long xmax) {
    }

    /** @param dataSource read on connections of its own, outside any transaction that may hold an id */
    public OpenGaps(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Of these gaps, those whose transactions have all ended by now. Events read after this call returns hold
     * every settled gap that was committed; a settled gap they lack is empty for good.
     */
    public Set<Long> settled(Collection<Long> gaps) {
        if (gaps.isEmpty()) {
            return Set.of();
        }
        Snapshot now = jdbc.sql("""
                        SELECT pg_snapshot_xmin(s)::text::bigint AS xmin, pg_snapshot_xmax(s)::text::bigint AS xmax
                          FROM pg_current_snapshot() s""")
                .query((rs, n) -> new Snapshot(rs.getLong("xmin"), rs.getLong("xmax"))).single();
        long nanos = System.nanoTime();
        Set<Long> settled = new TreeSet<>();
        for (long gap : gaps) {
            Sighting sighting = sightings.compute(gap, (g, seen) -> {
                if (seen == null) {
                    return new Sighting(nanos, -1);
                }
                if (seen.xmax < 0 && nanos - seen.nanos >= SIGHTING_GRACE.toNanos()) {
                    return new Sighting(seen.nanos, now.xmax);
                }
                return seen;
            });
            if (sighting.xmax >= 0 && now.xmin >= sighting.xmax) {
                settled.add(gap);
            }
        }
        if (sightings.size() > REMEMBERED) {
            // Gaps that filled at once (two writers committing out of order) leave sightings nobody asks about.
            sightings.values().removeIf(s -> nanos - s.nanos > FORGOTTEN_AFTER_NANOS);
        }
        return settled;
    }

    /**
     * Of these gaps, those that can no longer fill: settled ({@link #settled}) and, read afterwards, without an
     * event. For a view to say it is complete while the processor's token still lists them (it drops them with
     * the next event it reads).
     */
    public Set<Long> abandoned(Collection<Long> gaps) {
        Set<Long> settled = settled(gaps);
        if (settled.isEmpty()) {
            return settled;
        }
        List<Long> filled = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE global_index = ANY (:gaps)")
                .param("gaps", settled.toArray(Long[]::new))
                .query(Long.class).list();
        Set<Long> abandoned = new TreeSet<>(settled);
        filled.forEach(abandoned::remove);
        return abandoned;
    }

    /** The gaps a processor no longer has: filled, or dropped as settled. */
    public void forget(Collection<Long> gaps) {
        gaps.forEach(sightings::remove);
    }
}
