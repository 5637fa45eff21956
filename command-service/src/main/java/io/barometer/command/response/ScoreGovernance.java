package io.barometer.command.response;

import io.barometer.events.Governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replace the whole governance of a project; a null field is not answered. */
public record ScoreGovernance(@TargetAggregateIdentifier String responseId, @TargetAggregateVersion Long expectedVersion, String projectId, Governance governance) implements ResponseCommand {
}
