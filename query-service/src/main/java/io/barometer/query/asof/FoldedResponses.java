package io.barometer.query.asof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.barometer.events.AgreementLevel;

/** Each respondent's projects and values as all its facts fold to, in memory while its version and closing hold. */
final class FoldedResponses {

    /** The counts of the facts an entry comes from, as a fold tallies them. */
    record Counts(long changes, long afterClosing, long lastSequence, long through) {
        static final Counts NONE = new Counts(0, 0, -1, 0);
    }

    /**
     * What is held of a respondent, folded from all its facts of one kind when its version was {@code version}
     * and the campaign closed at {@code closes}; {@code latestClock} is the latest of their clocks on the entry's
     * basis (PostgreSQL's microseconds; Long.MIN_VALUE without facts).
     */
    sealed interface Entry permits Projects, Values {
        long version();

        Instant closes();

        long latestClock();
    }

    /** A respondent's projects, from all its project facts. */
    record Projects(long version, Instant closes, long latestClock, List<AsOfState.Project> projects, Counts counts)
            implements Entry {
    }

    /** A respondent's response-level values, from all its response-level facts. */
    record Values(long version, Instant closes, long latestClock, Instant startedAt, AsOfState.Profile profile,
                  AsOfState.Ranking motivations, Map<String, AgreementLevel> actors, boolean submitted,
                  Instant submittedAt, Counts counts) implements Entry {
    }

    /**
     * A whole campaign's respondents sorted for one scan, in the order of their ids: those {@code taken} from
     * their entries (of their current version and closing, folded from facts that all count as of the cut-off),
     * and the others, {@code toRead} from their facts; of these, the ones to {@code refresh} (a version but no
     * entry of it) have all their facts read and folded into a new entry in the same pass.
     */
    record Plan<E extends Entry>(List<String> respondents, Map<String, E> taken, List<String> toRead,
                                 List<String> refresh) {

        /** Few left to read (the usual case once folded): a list of them rather than the whole campaign. */
        boolean listed() {
            return toRead.size() * 4 <= respondents.size();
        }
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

    /** The plan of a project scan: {@code versions} are the responses', {@code respondents} those started. */
    Plan<Projects> projects(CutOff cut, List<String> respondents, Map<String, Long> versions) {
        return plan(projects, cut, respondents, versions);
    }

    /** The plan of a response-level scan (see {@link #projects}). */
    Plan<Values> values(CutOff cut, List<String> respondents, Map<String, Long> versions) {
        return plan(values, cut, respondents, versions);
    }

    private static <E extends Entry> Plan<E> plan(Map<Key, E> held, CutOff cut, List<String> respondents,
                                                  Map<String, Long> versions) {
        long asOf = Timestamps.micros(cut.asOf());
        Map<String, E> taken = new LinkedHashMap<>();
        List<String> toRead = new ArrayList<>();
        List<String> refresh = new ArrayList<>();
        for (String c : respondents) {
            Long version = versions.get(c);
            E entry = version == null ? null : current(held, cut, c, version);
            if (entry != null && entry.latestClock() <= asOf) {
                taken.put(c, entry);
            } else {
                toRead.add(c);
                if (entry == null && version != null) {
                    refresh.add(c);
                }
            }
        }
        return new Plan<>(respondents, taken, toRead, refresh);
    }

    /** The entry folded from exactly the facts of version {@code version} with the cut-off's closing, if held. */
    private static <E extends Entry> E current(Map<Key, E> held, CutOff cut, String collectivite, long version) {
        E e = held.get(new Key(cut.campaignId(), cut.basis(), collectivite));
        return e != null && e.version() == version && e.closes().equals(cut.closesAt()) ? e : null;
    }

    synchronized void put(CutOff cut, String collectivite, Projects entry) {
        room(entry.projects().size());
        Projects old = projects.put(new Key(cut.campaignId(), cut.basis(), collectivite), entry);
        held -= old == null ? 0 : old.projects().size();
    }

    synchronized void put(CutOff cut, String collectivite, Values entry) {
        room(1);
        Values old = values.put(new Key(cut.campaignId(), cut.basis(), collectivite), entry);
        held -= old == null ? 0 : 1;
    }

    /** Past the bound on the projects held, everything is dropped and folded again as syntheses need it. */
    private void room(long size) {
        if (held + size > capacity) {
            projects.clear();
            values.clear();
            held = 0;
        }
        held += size;
    }
}
