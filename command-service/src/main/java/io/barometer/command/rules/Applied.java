package io.barometer.command.rules;

import java.util.HashSet;
import java.util.Set;

import org.axonframework.messaging.MetaData;

import io.barometer.events.MetadataKeys;

/**
 * What every aggregate remembers of the events it applied: its version (last sequence number + 1) and
 * the import keys it has seen, so that a re-imported line is skipped. Its fields are the aggregates'
 * snapshots' {@code applied}: renaming them would drop both from every stored snapshot.
 */
public class Applied {

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

    /** The result of a command that changes nothing. */
    public Outcome unchanged() {
        return new Outcome(version, false);
    }

    /** True when this import line was already applied here. */
    public boolean alreadyImported(MetaData metaData) {
        Object key = metaData.get(MetadataKeys.IMPORT_KEY);
        return key != null && importKeys.contains(key.toString());
    }
}
