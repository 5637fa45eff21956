package io.barometer.web.campaigns;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.barometer.web.api.HistoryPage;

/**
 * What moving a deadline would do to the timeliness labels (DESIGN §5): each change is late when its
 * response started after the deadline, a post-deadline edit when the response started in time and the change
 * came after it, on time otherwise — by the effective clock, always against the campaign's current deadline.
 */
public final class Relabelling {

    private Relabelling() {
    }

    /** How many changes would get another label with the deadline at {@code closesAt}. */
    public static int changedLabels(List<HistoryPage.Change> changes, Instant closesAt) {
        Map<String, Instant> started = new HashMap<>();
        for (HistoryPage.Change c : changes) {
            if ("ResponseStarted".equals(c.change()) && c.collectivite() != null) {
                started.merge(c.collectivite(), c.effectiveAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        int changed = 0;
        for (HistoryPage.Change c : changes) {
            if (c.timeliness() == null || c.collectivite() == null || !started.containsKey(c.collectivite())) {
                continue;
            }
            if (!label(started.get(c.collectivite()), c.effectiveAt(), closesAt).equals(c.timeliness())) {
                changed++;
            }
        }
        return changed;
    }

    static String label(Instant startedAt, Instant changedAt, Instant closesAt) {
        if (startedAt.isAfter(closesAt)) {
            return "LATE_SUBMISSION";
        }
        return changedAt.isAfter(closesAt) ? "POST_DEADLINE_EDIT" : "ON_TIME";
    }
}
