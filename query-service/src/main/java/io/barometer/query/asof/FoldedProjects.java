package io.barometer.query.asof;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each respondent's live projects as all its facts give them, per campaign and basis, kept in memory for the
 * syntheses: as of any instant at or after a respondent's latest project fact, its projects are these, and its
 * facts need not be read again. An entry holds while the response's version (response_version, its highest
 * sequence number projected) and the campaign's closing are those it was folded with; anything else
 * (a new fact, a replay under way, a moved deadline) makes the synthesis fold the facts again. Bounded by the
 * projects held: past the bound, everything is dropped and folded again as syntheses need it.
 */
final class FoldedProjects {

    /** PostgreSQL's timestamps count microseconds from 2000-01-01 UTC. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    /**
     * What all of a respondent's project facts give, folded when its version was {@code version};
     * {@code latestClock} is the latest of their clocks on the entry's basis (PostgreSQL's microseconds;
     * Long.MIN_VALUE without facts).
     */
    record Entry(long version, Instant closes, long latestClock, List<AsOfState.Project> projects, long changes,
                 long afterClosing, long lastSequence, long through) {
    }

    private record Key(String campaign, Basis basis, String collectivite) {
    }

    private final long capacity;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private long projects;

    FoldedProjects(long capacity) {
        this.capacity = capacity;
    }

    /** The entry folded from exactly the facts of version {@code version} with this closing, if held. */
    Entry current(String campaign, Basis basis, String collectivite, long version, Instant closes) {
        Entry e = entries.get(new Key(campaign, basis, collectivite));
        return e != null && e.version() == version && e.closes().equals(closes) ? e : null;
    }

    synchronized void put(String campaign, Basis basis, String collectivite, Entry entry) {
        if (projects + entry.projects().size() > capacity) {
            entries.clear();
            projects = 0;
        }
        Entry old = entries.put(new Key(campaign, basis, collectivite), entry);
        projects += entry.projects().size() - (old == null ? 0 : old.projects().size());
    }

    /**
     * An instant as PostgreSQL's microseconds, rounded down: an entry counts as of {@code t} only when its
     * latest clock is at or before this, never later than the instant PostgreSQL compares with.
     */
    static long micros(Instant t) {
        return (t.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000L + t.getNano() / 1_000;
    }
}
