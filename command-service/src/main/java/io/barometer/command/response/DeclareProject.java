package io.barometer.command.response;

import io.barometer.events.Governance;
import io.barometer.events.ProgressStatus;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Declare a project with a client-chosen id, so that a retry changes nothing. */
public record DeclareProject(@TargetAggregateIdentifier String responseId, @TargetAggregateVersion Long expectedVersion, String projectId, String domain, String catalogueItem, String label, ProgressStatus status, Governance governance) implements ResponseCommand {
}
