package io.barometer.web.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A response's changes, oldest first, as query-service's history gives them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HistoryPage(List<Change> items, int page, int size, long total, Projection projection) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(Instant recordedAt, Instant effectiveAt, String userId, String userRole, String onBehalfOf,
                         String reason, String source, String campaign, String collectivite, String project,
                         String statement, String change, String field, Object oldValue, Object newValue,
                         String timeliness) {
    }
}
