package io.barometer.command.response;

import io.barometer.events.ProgressStatus;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Set the progress status of a declared project. */
public record UpdateProgress(@TargetAggregateIdentifier String responseId, @TargetAggregateVersion Long expectedVersion, String projectId, ProgressStatus status) implements ResponseCommand {
}
