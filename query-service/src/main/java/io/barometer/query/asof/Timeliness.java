package io.barometer.query.asof;

import java.time.Instant;

/** The label of an answer change against the campaign's current deadline (DESIGN §5), on the effective clock. */
public enum Timeliness {
    ON_TIME, LATE_SUBMISSION, POST_DEADLINE_EDIT;

    /** A change counts at its deadline instant itself: only strictly later is late. */
    public static Timeliness of(Instant responseStartedAt, Instant changeEffectiveAt, Instant closesAt) {
        if (responseStartedAt.isAfter(closesAt)) {
            return LATE_SUBMISSION;
        }
        return changeEffectiveAt.isAfter(closesAt) ? POST_DEADLINE_EDIT : ON_TIME;
    }
}
