package io.barometer.web.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.barometer.events.questionnaire.Questionnaire;

/** A campaign as query-service gives it; {@code definition} only when asked for one campaign. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Campaign(String campaign, int year, String title, Instant opensAt, Instant closesAt,
                       String questionnaire, Questionnaire definition) {

    public boolean closedAt(Instant now) {
        return closesAt != null && now.isAfter(closesAt);
    }
}
