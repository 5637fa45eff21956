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

/**
 * One line of an NDJSON answer log (DESIGN §7): the union of every op's fields. {@code recordedAt} and
 * {@code byRole} are what an exported history adds to each line (docs/answer-log.md).
 */
public record ImportLine(String op, OffsetDateTime at, String by, String onBehalfOf, String reason,
                         OffsetDateTime recordedAt, UserRole byRole,
                         String campaign, Integer year, String title, OffsetDateTime opensAt,
                         OffsetDateTime closesAt, String questionnaire,
                         String collectivite, String name, CollectiviteKind kind, String region, Integer population,
                         String parentId,
                         RespondentRole role, Boolean worksInDigital, String organisation,
                         String project, String domain, String catalogueItem, String label, ProgressStatus status,
                         GovernanceLine governance,
                         Integer measure, Integer means, ManagementMode managementMode, DecisionMode decisionMode,
                         CoordinationMode coordination,
                         List<Motivation> ranking, Map<Motivation, List<String>> definitions,
                         String statement, AgreementLevel level) {

    public record GovernanceLine(Integer measure, Integer means, ManagementMode managementMode,
                                 DecisionMode decisionMode, CoordinationMode coordination) {
    }

    /** The raw JSON too, for the ops whose meaning depends on which keys are present. */
    public record Parsed(ImportLine line, JsonNode raw) {
    }
}
