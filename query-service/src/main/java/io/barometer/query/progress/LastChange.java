package io.barometer.query.progress;

import java.time.Instant;

/**
 * A response's latest change as of the cut-off: when, by whom (a person id, and the name the person table gives it
 * now), on whose behalf.
 */
public record LastChange(Instant at, String userId, String userName, String userRole, String onBehalfOf) {
}
