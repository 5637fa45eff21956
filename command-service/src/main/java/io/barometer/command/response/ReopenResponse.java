package io.barometer.command.response;


import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reopen a submitted response (admins). */
public record ReopenResponse(@TargetAggregateIdentifier String responseId, @TargetAggregateVersion Long expectedVersion) implements ResponseCommand {
}
