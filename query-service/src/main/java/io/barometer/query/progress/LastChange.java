package io.barometer.query.progress;

import java.time.Instant;

/** A response's latest change as of the cut-off: when, by whom, on whose behalf. */
public record LastChange(Instant at, String userId, String userRole, String onBehalfOf) {
}
