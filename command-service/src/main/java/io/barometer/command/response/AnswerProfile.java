package io.barometer.command.response;

import io.barometer.events.RespondentRole;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Who answers for the collectivité. */
public record AnswerProfile(@TargetAggregateIdentifier String responseId, @TargetAggregateVersion Long expectedVersion, RespondentRole role, Boolean worksInDigital, String organisation) implements ResponseCommand {
}
