package io.barometer.events;

import org.axonframework.serialization.Revision;

/** A collectivité was registered; population may be null (unknown). */
@Revision("1")
public record CollectiviteRegistered(String collectiviteId, String name, CollectiviteKind kind, String region, Integer population, String parentId) {
}
