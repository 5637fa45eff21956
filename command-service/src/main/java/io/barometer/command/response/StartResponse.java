package io.barometer.command.response;


import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Join a campaign: creates the response {campaignId}:{collectiviteId}; idempotent. */
public record StartResponse(@TargetAggregateIdentifier String responseId, @TargetAggregateVersion Long expectedVersion, String campaignId, String collectiviteId) implements ResponseCommand {
}
