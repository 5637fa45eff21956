package io.barometer.query.asof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a read of project facts found per respondent, kept until the respondents are built. */
final class GatheredProjects implements ProjectSink, ProjectFold.Tally {

    private final Map<String, Found> byRespondent = new HashMap<>();
    private Found last;

    private static final class Found {
        final String collectiviteId;
        final List<AsOfState.Project> projects = new ArrayList<>();
        long changes;
        long afterClosing;
        long lastSequence = -1;
        long through;

        Found(String collectiviteId) {
            this.collectiviteId = collectiviteId;
        }
    }

    @Override
    public void accept(String collectiviteId, AsOfState.Project project) {
        of(collectiviteId).projects.add(project);
    }

    @Override
    public void respondent(String collectiviteId, long changes, long afterClosing, long lastSequence, long through) {
        Found f = of(collectiviteId);
        f.changes += changes;
        f.afterClosing += afterClosing;
        f.lastSequence = Math.max(f.lastSequence, lastSequence);
        f.through = Math.max(f.through, through);
    }

    /** The folds hand over one respondent after the other: the last one found is usually the one. */
    private Found of(String collectiviteId) {
        if (last == null || !last.collectiviteId.equals(collectiviteId)) {
            last = byRespondent.computeIfAbsent(collectiviteId, Found::new);
        }
        return last;
    }

    /** A respondent's projects and counts as a folded entry holds them. */
    void add(String collectiviteId, FoldedResponses.Projects entry) {
        Found f = of(collectiviteId);
        f.projects.addAll(entry.projects());
        FoldedResponses.Counts n = entry.counts();
        respondent(collectiviteId, n.changes(), n.afterClosing(), n.lastSequence(), n.through());
    }

    /** What was found of a respondent, as an entry folded at {@code version}. */
    FoldedResponses.Projects entry(String collectiviteId, long version, Instant closes, long latestClock) {
        Found f = byRespondent.get(collectiviteId);
        return f == null ? new FoldedResponses.Projects(version, closes, latestClock, List.of(), FoldedResponses.Counts.NONE)
                : new FoldedResponses.Projects(version, closes, latestClock, List.copyOf(f.projects),
                new FoldedResponses.Counts(f.changes, f.afterClosing, f.lastSequence, f.through));
    }

    void into(RespondentBuilder b) {
        Found f = byRespondent.get(b.collectiviteId);
        if (f != null) {
            b.projects.addAll(f.projects);
            b.count(f.changes, f.afterClosing, f.lastSequence, f.through);
        }
    }
}
