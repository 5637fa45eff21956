package io.barometer.command.rules;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.axonframework.messaging.MetaData;

import io.barometer.events.MetadataKeys;

/** The effective clock (DESIGN §4): the instant a command or an event counts at, as its metadata states it. */
public final class EffectiveClock {

    private EffectiveClock() {
    }

    /** The instant a command counts at: the one its sender stated, or now. */
    public static Instant of(MetaData metaData) {
        return of(metaData, null);
    }

    /**
     * The instant an event counts at: the stated one, else the event's own timestamp. Never the clock at
     * the time of sourcing, or an aggregate rebuilt later (after a restart, from a snapshot) would hold
     * different instants than the one that applied the event.
     */
    public static Instant of(MetaData metaData, Instant timestamp) {
        Object value = metaData.get(MetadataKeys.EFFECTIVE_AT);
        if (value != null) {
            return Instant.parse(value.toString());
        }
        // The stored timestamp has millisecond precision; an aggregate still in the cache must see the same.
        return (timestamp != null ? timestamp : Instant.now()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The name under which the caller gave the effective instant: the import's {@code at} or the header. */
    public static String field(MetaData metaData) {
        return MetadataKeys.SOURCE_IMPORT.equals(metaData.get(MetadataKeys.SOURCE)) ? "at" : "X-Effective-At";
    }
}
