package io.barometer.events;

import org.axonframework.serialization.Revision;

/** Who answers for the collectivité; organisation is optional free text. */
@Revision("1")
public record RespondentProfileAnswered(String responseId, String campaignId, String collectiviteId, RespondentRole role, boolean worksInDigital, String organisation) {
}
