package io.barometer.events;

import java.util.List;
import java.util.Map;

import org.axonframework.serialization.Revision;

/** The five motivations ranked (first = rank 1), each with its definitions in rank order. */
@Revision("1")
public record MotivationsRanked(String responseId, String campaignId, String collectiviteId, List<Motivation> ranking, Map<Motivation, List<String>> definitions) {
}
