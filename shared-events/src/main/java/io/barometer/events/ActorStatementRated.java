package io.barometer.events;

import org.axonframework.serialization.Revision;

/** One actor statement rated on the agreement scale. */
@Revision("1")
public record ActorStatementRated(String responseId, String campaignId, String collectiviteId, String statement, AgreementLevel level) {
}
