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

    /**
     * Metadata the event store's reader adds, never stored: the global index of an event that filled a gap. Such
     * an event's token is positioned at the highest index read so far, not at the event; taken as the event's
     * index, it collided with that later event's rows and the late event was silently left out.
     */
    public static final String FILLED_GAP_INDEX = "barometer.filledGapIndex";

    public static EventFacts of(DomainEventMessage<?> message, TrackingToken token) {
        MetaData meta = message.getMetaData();
        // Otherwise the token is positioned at its event: its position is the event's global_index (a replay
        // token reports the position of the event it wraps).
        Object filledGap = meta.get(FILLED_GAP_INDEX);
        long globalIndex = filledGap instanceof Number n ? n.longValue() : token.position().orElseThrow(() ->
                new IllegalStateException("event " + message.getIdentifier() + " has no position"));
        Instant recordedAt = message.getTimestamp();
        Object effective = meta.get(MetadataKeys.EFFECTIVE_AT);
        Instant effectiveAt = effective == null ? recordedAt : parseInstant(effective.toString());
        return new EventFacts(globalIndex, message.getSequenceNumber(), effectiveAt, recordedAt,
                text(meta, MetadataKeys.USER_ID), text(meta, MetadataKeys.USER_ROLE),
                text(meta, MetadataKeys.ON_BEHALF_OF), text(meta, MetadataKeys.SOURCE),
                text(meta, MetadataKeys.IMPORTED_BY), text(meta, MetadataKeys.REQUEST_ID),
                text(meta, MetadataKeys.REASON));
    }

    /**
     * Instant.parse, with a fast path for the UTC form Instant.toString writes (what command-service stores):
     * the formatter-based parse was a visible share of a replay's time.
     */
    public static Instant parseInstant(String text) {
        int n = text.length();
        if (n >= 20 && n <= 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z') {
            try {
                int year = Integer.parseInt(text, 0, 4, 10);
                int month = Integer.parseInt(text, 5, 7, 10);
                int day = Integer.parseInt(text, 8, 10, 10);
                int hour = Integer.parseInt(text, 11, 13, 10);
                int minute = Integer.parseInt(text, 14, 16, 10);
                int second = Integer.parseInt(text, 17, 19, 10);
                int nanos = 0;
                if (n > 20) {
                    if (text.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                        return Instant.parse(text);
                    }
                    nanos = Integer.parseInt(text, 20, n - 1, 10);
                    for (int digits = n - 21; digits < 9; digits++) {
                        nanos *= 10;
                    }
                } else if (text.charAt(19) != 'Z') {
                    return Instant.parse(text);
                }
                return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                        .toInstant(java.time.ZoneOffset.UTC);
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return Instant.parse(text);
            }
        }
        return Instant.parse(text);
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
