package io.barometer.web.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A response's changes, oldest first, as query-service's history and audit give them. {@code userId} and
 * {@code importedBy} are person ids, shown only by the names query-service puts beside them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HistoryPage(List<Change> items, int page, int size, long total, Projection projection) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(Instant recordedAt, Instant effectiveAt, String userId, String userName, String userRole,
                         String onBehalfOf, String reason, String source, String importedBy, String importedByName,
                         String campaign, String collectivite, String project, String statement, String change,
                         String field, Object oldValue, Object newValue, String timeliness) {
    }
}
