package io.barometer.events;

import org.axonframework.serialization.Revision;

/** A collectivité joined a campaign, whose questionnaire then checks each of its answers. */
@Revision("1")
public record ResponseStarted(String responseId, String campaignId, String collectiviteId, String questionnaireId) {
}
