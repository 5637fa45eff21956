package io.barometer.command.attribution;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.barometer.events.MetadataKeys;

/**
 * Who is behind a command and on which clock it counts: becomes the metadata of every event the
 * command applies (DESIGN §4). {@code effectiveAt} null means "now", i.e. the event's own timestamp.
 */
public record Attribution(String userId, String userRole, String onBehalfOf, String source, String importedBy,
                          String requestId, Instant effectiveAt, String reason, String importKey) {

    public Map<String, Object> toMetaData() {
        Map<String, Object> m = new HashMap<>();
        put(m, MetadataKeys.USER_ID, userId);
        put(m, MetadataKeys.USER_ROLE, userRole);
        put(m, MetadataKeys.ON_BEHALF_OF, onBehalfOf);
        put(m, MetadataKeys.SOURCE, source);
        put(m, MetadataKeys.IMPORTED_BY, importedBy);
        put(m, MetadataKeys.REQUEST_ID, requestId);
        put(m, MetadataKeys.EFFECTIVE_AT, effectiveAt == null ? null : effectiveAt.toString());
        put(m, MetadataKeys.REASON, reason);
        put(m, MetadataKeys.IMPORT_KEY, importKey);
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
