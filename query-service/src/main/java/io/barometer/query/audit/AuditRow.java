package io.barometer.query.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One changed field of one event (DESIGN §8 audit item). {@code oldValue} is the value that stood just
 * before the change on the effective clock, so a backdated entry shows what it really replaced.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditRow(long eventPosition, Instant recordedAt, Instant effectiveAt, String userId, String userRole,
                       String onBehalfOf, String reason, String source, String importedBy, String campaign,
                       String collectivite, String project, String statement, String change, String field,
                       Object oldValue, Object newValue, String timeliness) {
}
