package io.barometer.events;

import org.axonframework.serialization.Revision;

/** A collectivité's profile was corrected; carries the whole profile after the correction. */
@Revision("1")
public record CollectiviteProfileCorrected(String collectiviteId, String name, CollectiviteKind kind, String region, Integer population, String parentId) {
}
