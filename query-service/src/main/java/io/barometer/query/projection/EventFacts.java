package io.barometer.query.projection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;

import io.barometer.events.MetadataKeys;

/**
 * What every projected row takes from its event: its position in the store, its aggregate sequence
 * number, both clocks and who made it (DESIGN §4).
 */
public record EventFacts(long globalIndex, long sequenceNumber, Instant effectiveAt, Instant recordedAt,
                         String userId, String userRole, String onBehalfOf, String source, String importedBy,
                         String requestId, String reason) {

    public static EventFacts of(DomainEventMessage<?> message, TrackingToken token) {
        MetaData meta = message.getMetaData();
        // The token of a tracked event is positioned at that event: its position is the event's global_index
        // (a replay token reports the position of the event it wraps).
        long globalIndex = token.position().orElseThrow(() ->
                new IllegalStateException("event " + message.getIdentifier() + " has no position"));
        Instant recordedAt = message.getTimestamp();
        Object effective = meta.get(MetadataKeys.EFFECTIVE_AT);
        Instant effectiveAt = effective == null ? recordedAt : Instant.parse(effective.toString());
        return new EventFacts(globalIndex, message.getSequenceNumber(), effectiveAt, recordedAt,
                text(meta, MetadataKeys.USER_ID), text(meta, MetadataKeys.USER_ROLE),
                text(meta, MetadataKeys.ON_BEHALF_OF), text(meta, MetadataKeys.SOURCE),
                text(meta, MetadataKeys.IMPORTED_BY), text(meta, MetadataKeys.REQUEST_ID),
                text(meta, MetadataKeys.REASON));
    }

    public OffsetDateTime effective() {
        return utc(effectiveAt);
    }

    public OffsetDateTime recorded() {
        return utc(recordedAt);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
