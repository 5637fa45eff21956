package io.barometer.query.audit;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One changed field of one event (DESIGN §8 audit item). {@code oldValue} is the value that stood just
 * before the change on the effective clock, so a backdated entry shows what it really replaced.
 * {@code userId} and {@code importedBy} are person ids, as the events hold them; their names are read from the
 * person table when the page is asked for, so that an erased person shows as such with the same id.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditRow(long eventPosition, Instant recordedAt, Instant effectiveAt, String userId, String userName,
                       String userRole, String onBehalfOf, String reason, String source, String importedBy,
                       String importedByName, String campaign, String collectivite, String project, String statement,
                       String change, String field, Object oldValue, Object newValue, String timeliness) {

    AuditRow named(Map<String, String> names) {
        return new AuditRow(eventPosition, recordedAt, effectiveAt, userId, names.get(userId), userRole, onBehalfOf,
                reason, source, importedBy, names.get(importedBy), campaign, collectivite, project, statement, change,
                field, oldValue, newValue, timeliness);
    }
}
