package io.barometer.command.response;


import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraw a project; it stops counting but its history stays. */
public record WithdrawProject(@TargetAggregateIdentifier String responseId, @TargetAggregateVersion Long expectedVersion, String projectId, String reason) implements ResponseCommand {
}
