package io.barometer.query.asof;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.barometer.events.AgreementLevel;

/**
 * Each respondent's answers as all its facts give them, per campaign and basis, kept in memory for the
 * syntheses: its projects, and its response-level values (start, profile, motivations, actors, submission),
 * each with the counts of the facts they come from. As of any instant at or after the latest of those facts,
 * they are what the facts give, and the facts need not be read again. An entry holds while the response's
 * version (response_version, its highest sequence number projected) and the campaign's closing are those it
 * was folded with; anything else (a new fact, a replay under way, a moved deadline) makes the synthesis fold
 * the facts again. Bounded by the projects held: past the bound, everything is dropped and folded again as
 * syntheses need it.
 */
final class FoldedResponses {

    /** PostgreSQL's timestamps count microseconds from 2000-01-01 UTC. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    /** The counts of the facts an entry comes from, as a fold tallies them. */
    record Counts(long changes, long afterClosing, long lastSequence, long through) {
        static final Counts NONE = new Counts(0, 0, -1, 0);
    }

    /**
     * A respondent's projects, from all its project facts folded when its version was {@code version};
     * {@code latestClock} is the latest of their clocks on the entry's basis (PostgreSQL's microseconds;
     * Long.MIN_VALUE without facts).
     */
    record Projects(long version, Instant closes, long latestClock, List<AsOfState.Project> projects, Counts counts) {
    }

    /** A respondent's response-level values, from all its response-level facts (see {@link Projects}). */
    record Values(long version, Instant closes, long latestClock, Instant startedAt, AsOfState.Profile profile,
                  AsOfState.Ranking motivations, Map<String, AgreementLevel> actors, boolean submitted,
                  Instant submittedAt, Counts counts) {
    }

    private record Key(String campaign, Basis basis, String collectivite) {
    }

    private final long capacity;
    private final ConcurrentHashMap<Key, Projects> projects = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Values> values = new ConcurrentHashMap<>();
    private long held;

    FoldedResponses(long capacity) {
        this.capacity = capacity;
    }

    /** The projects folded from exactly the facts of version {@code version} with this closing, if held. */
    Projects projects(String campaign, Basis basis, String collectivite, long version, Instant closes) {
        Projects p = projects.get(new Key(campaign, basis, collectivite));
        return p != null && p.version() == version && p.closes().equals(closes) ? p : null;
    }

    /** The values folded from exactly the facts of version {@code version} with this closing, if held. */
    Values values(String campaign, Basis basis, String collectivite, long version, Instant closes) {
        Values v = values.get(new Key(campaign, basis, collectivite));
        return v != null && v.version() == version && v.closes().equals(closes) ? v : null;
    }

    synchronized void put(String campaign, Basis basis, String collectivite, Projects entry) {
        room(entry.projects().size());
        Projects old = projects.put(new Key(campaign, basis, collectivite), entry);
        held -= old == null ? 0 : old.projects().size();
    }

    synchronized void put(String campaign, Basis basis, String collectivite, Values entry) {
        room(1);
        Values old = values.put(new Key(campaign, basis, collectivite), entry);
        held -= old == null ? 0 : 1;
    }

    private void room(long size) {
        if (held + size > capacity) {
            projects.clear();
            values.clear();
            held = 0;
        }
        held += size;
    }

    /**
     * An instant as PostgreSQL's microseconds, rounded down: an entry counts as of {@code t} only when its
     * latest clock is at or before this, never later than the instant PostgreSQL compares with.
     */
    static long micros(Instant t) {
        return (t.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000L + t.getNano() / 1_000;
    }
}
