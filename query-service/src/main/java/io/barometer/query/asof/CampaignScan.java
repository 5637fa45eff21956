package io.barometer.query.asof;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Folds one slice of a campaign's project facts two ways at once: the facts that count as of the cut-off into
 * the state as of it, and every fact of the respondents to fold afresh ({@code refresh}) into their entries
 * for {@link FoldedResponses}. Each fold sees its own subsequence of the stream, which keeps the stream's
 * order (respondent, project, newest first), so each tells a new project from the ids it last saw.
 */
final class CampaignScan implements ProjectCopy.Facts {

    final GatheredProjects asOf = new GatheredProjects();
    final GatheredProjects all = new GatheredProjects();
    /** The latest clock of each refreshed respondent's facts. */
    final Map<String, Long> latestClocks = new HashMap<>();

    private final Set<String> refresh;
    private final Set<String> skip;
    private final Feed asOfFeed = new Feed(new ProjectFold(asOf, asOf));
    private final Feed allFeed = new Feed(new ProjectFold(all, all));
    private String respondent;
    private boolean refreshing;
    private boolean skipping;
    private long latestClock;

    /** {@code skip}: respondents whose facts the stream may hold but which are taken from elsewhere. */
    CampaignScan(Set<String> refresh, Set<String> skip) {
        this.refresh = refresh;
        this.skip = skip;
    }

    @Override
    public void fact(String collectiviteId, long projectHigh, long projectLow, long sequence, long globalIndex,
                     boolean afterClosing, int code, String domain, String item, boolean counts, long clock) {
        if (collectiviteId != respondent) {
            endRespondent();
            respondent = collectiviteId;
            refreshing = refresh.contains(collectiviteId);
            skipping = skip.contains(collectiviteId);
            latestClock = Long.MIN_VALUE;
        }
        if (skipping) {
            return;
        }
        if (counts) {
            asOfFeed.fact(collectiviteId, projectHigh, projectLow, sequence, globalIndex, afterClosing, code, domain, item);
        }
        if (refreshing) {
            allFeed.fact(collectiviteId, projectHigh, projectLow, sequence, globalIndex, afterClosing, code, domain, item);
            latestClock = Math.max(latestClock, clock);
        }
    }

    private void endRespondent() {
        if (refreshing) {
            latestClocks.put(respondent, latestClock);
        }
    }

    @Override
    public void finish() {
        endRespondent();
        asOfFeed.fold.finish();
        allFeed.fold.finish();
    }

    private static final class Feed {
        final ProjectFold fold;
        private String respondent;
        private long high;
        private long low;

        Feed(ProjectFold fold) {
            this.fold = fold;
        }

        void fact(String collectiviteId, long projectHigh, long projectLow, long sequence, long globalIndex,
                  boolean afterClosing, int code, String domain, String item) {
            boolean newProject = collectiviteId != respondent || projectHigh != high || projectLow != low;
            respondent = collectiviteId;
            high = projectHigh;
            low = projectLow;
            // The statistics need no project ids, labels or instants.
            fold.fact(collectiviteId, newProject, null, sequence, globalIndex, afterClosing, code, domain, item,
                    null, null);
        }
    }
}
