package io.barometer.command.rules;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.messaging.MetaData;

import io.barometer.events.MetadataKeys;

/**
 * What every aggregate remembers of the events it applied: its version (last sequence number + 1) and
 * the import keys it has seen, so that a re-imported line is skipped.
 */
public class Applied {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private long version;
    private final Set<String> importKeys = new HashSet<>();

    public void record(long sequenceNumber, MetaData metaData) {
        version = sequenceNumber + 1;
        Object key = metaData.get(MetadataKeys.IMPORT_KEY);
        if (key != null) {
            importKeys.add(key.toString());
        }
    }

    public long version() {
        return version;
    }

    /** The result of a command that found the aggregate at version {@code before}. */
    public Outcome since(long before) {
        return new Outcome(version, version != before);
    }

    /** True when this import line was already applied here. */
    public boolean alreadyImported(MetaData metaData) {
        Object key = metaData.get(MetadataKeys.IMPORT_KEY);
        return key != null && importKeys.contains(key.toString());
    }

    /** The instant a command counts at: the one its sender stated, or now. */
    public static Instant effectiveAt(MetaData metaData) {
        return effectiveAt(metaData, null);
    }

    /**
     * The instant an event counts at: the stated one, else the event's own timestamp. Never the clock at
     * the time of sourcing, or an aggregate rebuilt later (after a restart, from a snapshot) would hold
     * different instants than the one that applied the event.
     */
    public static Instant effectiveAt(MetaData metaData, Instant timestamp) {
        Object value = metaData.get(MetadataKeys.EFFECTIVE_AT);
        if (value != null) {
            return Instant.parse(value.toString());
        }
        // The stored timestamp has millisecond precision; an aggregate still in the cache must see the same.
        return (timestamp != null ? timestamp : Instant.now()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The name under which the caller gave the effective instant: the import's {@code at} or the header. */
    public static String effectiveField(MetaData metaData) {
        return MetadataKeys.SOURCE_IMPORT.equals(metaData.get(MetadataKeys.SOURCE)) ? "at" : "X-Effective-At";
    }

    public static void requireSlug(String field, String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw DomainException.invalid(field, "must be a slug of lowercase letters, digits and '-'");
        }
    }

    public static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        if (value.length() > max) {
            throw DomainException.invalid(field, "is longer than " + max + " characters");
        }
    }
}
