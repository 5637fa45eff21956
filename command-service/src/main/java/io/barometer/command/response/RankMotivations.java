package io.barometer.command.response;

import java.util.List;
import java.util.Map;

import io.barometer.events.Motivation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Rank the five motivations and, for each, its definitions. */
public record RankMotivations(@TargetAggregateIdentifier String responseId, @TargetAggregateVersion Long expectedVersion, List<Motivation> ranking, Map<Motivation, List<String>> definitions) implements ResponseCommand {
}
