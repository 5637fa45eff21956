package io.barometer.events;

import org.axonframework.serialization.Revision;

/** The whole governance of a project was (re)scored. */
@Revision("1")
public record GovernanceScored(String responseId, String campaignId, String collectiviteId, String projectId, Governance governance) {
}
