package io.barometer.command.response;

import io.barometer.events.AgreementLevel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Rate one actor statement on the agreement scale. */
public record RateActorStatement(@TargetAggregateIdentifier String responseId, @TargetAggregateVersion Long expectedVersion, String statement, AgreementLevel level) implements ResponseCommand {
}
