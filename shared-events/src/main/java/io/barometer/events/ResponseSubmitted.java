package io.barometer.events;

import org.axonframework.serialization.Revision;

/** The respondent marked its response complete. */
@Revision("1")
public record ResponseSubmitted(String responseId, String campaignId, String collectiviteId) {
}
