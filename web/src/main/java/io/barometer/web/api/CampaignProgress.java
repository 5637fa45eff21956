package io.barometer.web.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Who has started, filled and submitted a campaign's questionnaire, as query-service's progress view gives it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CampaignProgress(String campaign, Instant asOf, Instant closesAt, int collectivites, int started,
                               int submitted, int late, List<Row> items, Projection projection) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String collectivite, String name, boolean started, Instant startedAt, boolean late,
                      Sections sections, int projects, boolean submitted, Instant submittedAt, LastChange lastChange) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sections(boolean profile, boolean projects, boolean motivations, int actorStatements,
                           int actorStatementsInQuestionnaire) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastChange(Instant at, String userId, String userName, String userRole, String onBehalfOf) {
    }
}
