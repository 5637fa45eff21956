package io.barometer.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One collectivité's questionnaire as query-service gives it (DESIGN §8 response view), with how complete the
 * projection it was read from was.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseState(String campaign, String collectivite, long version, Instant started, boolean submitted,
                            Instant submittedAt, String timeliness, Instant closesAt, Place collectiviteProfile,
                            Profile profile, List<Project> projects, Motivations motivations,
                            Map<String, String> actors, Projection projection) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Place(String name, String kind, String region, Integer population) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(String role, boolean worksInDigital, String organisation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Project(String project, String domain, String catalogueItem, String label, String status,
                          Governance governance, String timeliness, Instant lastChangedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Governance(Integer measure, Integer means, String managementMode, String decisionMode,
                             String coordination) {
        public static final Governance NONE = new Governance(null, null, null, null, null);

        public boolean any() {
            return measure != null || means != null || managementMode != null || decisionMode != null
                    || coordination != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Motivations(List<String> ranking, Map<String, List<String>> definitions) {
    }

    public List<Project> projects() {
        return projects == null ? List.of() : projects;
    }

    public Map<String, String> actors() {
        return actors == null ? Map.of() : actors;
    }
}
