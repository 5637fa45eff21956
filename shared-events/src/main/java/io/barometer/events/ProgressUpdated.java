package io.barometer.events;

import org.axonframework.serialization.Revision;

/** The progress status of a project changed. */
@Revision("1")
public record ProgressUpdated(String responseId, String campaignId, String collectiviteId, String projectId, ProgressStatus status) {
}
