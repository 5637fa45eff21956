package io.barometer.command.importing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.events.AgreementLevel;
import io.barometer.events.CollectiviteKind;
import io.barometer.events.CoordinationMode;
import io.barometer.events.DecisionMode;
import io.barometer.events.ManagementMode;
import io.barometer.events.Motivation;
import io.barometer.events.ProgressStatus;
import io.barometer.events.RespondentRole;
import io.barometer.events.UserRole;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One line of an NDJSON answer log (DESIGN §7): the union of every op's fields. {@code recordedAt} and
 * {@code byRole} are what an exported history adds to each line (docs/answer-log.md). The bounds in
 * {@code @Schema} are those the HTTP API documents, quoted when a line's value has the wrong type.
 */
public record ImportLine(String op, OffsetDateTime at, String by, String onBehalfOf, String reason,
                         OffsetDateTime recordedAt, UserRole byRole,
                         String campaign, @Schema(minimum = "2000", maximum = "2100") Integer year, String title, OffsetDateTime opensAt,
                         OffsetDateTime closesAt, String questionnaire,
                         String collectivite, String name, CollectiviteKind kind, String region,
                         @Schema(minimum = "0", maximum = "20000000") Integer population,
                         String parentId,
                         RespondentRole role, Boolean worksInDigital, String organisation,
                         String project, String domain, String catalogueItem, String label, ProgressStatus status,
                         GovernanceLine governance,
                         @Schema(minimum = "1", maximum = "4") Integer measure,
                         @Schema(minimum = "1", maximum = "4") Integer means, ManagementMode managementMode, DecisionMode decisionMode,
                         CoordinationMode coordination,
                         List<Motivation> ranking, Map<Motivation, List<String>> definitions,
                         String statement, AgreementLevel level) {

    public record GovernanceLine(@Schema(minimum = "1", maximum = "4") Integer measure,
                                 @Schema(minimum = "1", maximum = "4") Integer means, ManagementMode managementMode,
                                 DecisionMode decisionMode, CoordinationMode coordination) {
    }

    /** The raw JSON too, for the ops whose meaning depends on which keys are present. */
    public record Parsed(ImportLine line, JsonNode raw) {
    }
}
