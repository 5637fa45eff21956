package io.barometer.command.response;


import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Mark the response complete. */
public record SubmitResponse(@TargetAggregateIdentifier String responseId, @TargetAggregateVersion Long expectedVersion) implements ResponseCommand {
}
