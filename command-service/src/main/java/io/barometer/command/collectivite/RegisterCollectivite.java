package io.barometer.command.collectivite;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.barometer.events.CollectiviteKind;

/** Register a collectivité; registering it again with the same fields changes nothing. */
public record RegisterCollectivite(String collectiviteId, String name, CollectiviteKind kind, String region,
                                   Integer population, String parentId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Collectivite.aggregateId(collectiviteId);
    }
}
