package io.barometer.query.asof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

import io.barometer.events.AgreementLevel;

/** One respondent's answers as the reads find them, until every read is in and it is built. */
final class RespondentBuilder {

    final String collectiviteId;
    Instant startedAt;
    AsOfState.Place place;
    AsOfState.Profile profile;
    final List<AsOfState.Project> projects = new ArrayList<>();
    AsOfState.Ranking motivations;
    final TreeMap<String, AgreementLevel> actors = new TreeMap<>();
    boolean submitted;
    Instant submittedAt;
    long changes;
    long changesAfterClosing;
    long version;
    long through;

    RespondentBuilder(String collectiviteId) {
        this.collectiviteId = collectiviteId;
    }

    /** A respondent as its folded values give it (projects and place still to come). */
    static RespondentBuilder of(String collectiviteId, FoldedResponses.Values v) {
        RespondentBuilder b = new RespondentBuilder(collectiviteId);
        b.startedAt = v.startedAt();
        b.profile = v.profile();
        b.motivations = v.motivations();
        b.actors.putAll(v.actors());
        b.submitted = v.submitted();
        b.submittedAt = v.submittedAt();
        FoldedResponses.Counts n = v.counts();
        b.count(n.changes(), n.afterClosing(), n.lastSequence(), n.through());
        return b;
    }

    /** The response-level values folded so far (nothing else yet), as an entry of version {@code version}. */
    FoldedResponses.Values values(long responseVersion, Instant closes, long latestClock) {
        return new FoldedResponses.Values(responseVersion, closes, latestClock, startedAt, profile, motivations,
                Collections.unmodifiableSortedMap(new TreeMap<>(actors)), submitted, submittedAt,
                new FoldedResponses.Counts(changes, changesAfterClosing, version - 1, through));
    }

    void count(long facts, long afterClosing, long lastSequence, long through) {
        changes += facts;
        changesAfterClosing += afterClosing;
        version = Math.max(version, lastSequence + 1);
        this.through = Math.max(this.through, through);
    }

    AsOfState.Respondent build(Instant closesAt) {
        return new AsOfState.Respondent(collectiviteId, startedAt, startedAt.isAfter(closesAt), place, profile,
                List.copyOf(projects), motivations, actors, submitted, submittedAt, changes, changesAfterClosing,
                version, through);
    }
}
