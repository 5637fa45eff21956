package io.barometer.events;

import org.axonframework.serialization.Revision;

/** An admin reopened a submitted response. */
@Revision("1")
public record ResponseReopened(String responseId, String campaignId, String collectiviteId) {
}
