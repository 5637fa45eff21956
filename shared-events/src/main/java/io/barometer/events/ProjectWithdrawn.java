package io.barometer.events;

import org.axonframework.serialization.Revision;

/** A project was withdrawn; it no longer counts. */
@Revision("1")
public record ProjectWithdrawn(String responseId, String campaignId, String collectiviteId, String projectId, String reason) {
}
