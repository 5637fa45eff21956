package io.barometer.command.collectivite;

import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.barometer.events.CollectiviteKind;

/**
 * Correct some fields of a collectivité. {@code fields} names those given, so that "population: null"
 * (now unknown) differs from a population left as it is.
 */
public record CorrectCollectivite(String collectiviteId, Set<String> fields, String name, CollectiviteKind kind,
                                  String region, Integer population, String parentId) {

    public static final Set<String> CORRECTABLE = Set.of("name", "kind", "region", "population", "parentId");

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Collectivite.aggregateId(collectiviteId);
    }
}
