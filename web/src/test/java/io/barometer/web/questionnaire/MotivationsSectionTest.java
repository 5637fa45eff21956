package io.barometer.web.questionnaire;

import static io.barometer.web.questionnaire.MotivationsSection.definitionKey;
import static io.barometer.web.questionnaire.MotivationsSection.rankKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.barometer.support.questionnaire.Questionnaires;
import io.barometer.web.api.ResponseState;

/**
 * The 2014 questionnaire's five motivations, in its order: SERVICE_QUALITY (3 definitions), ATTRACTIVENESS (3),
 * SUSTAINABLE_DEVELOPMENT (2), EXEMPLARITY (none) and BUDGET_EFFICIENCY (3).
 */
class MotivationsSectionTest {

    private final RecordingServices services = new RecordingServices();
    private final MotivationsSection section = new MotivationsSection(services.target(), Questionnaires.get("bvn-2014"));
    private final Group group = section.groups().get(0);

    /** Every field blank but the five motivations' ranks, given in the questionnaire's order. */
    private Map<String, String> ranked(int quality, int attractiveness, int sustainable, int exemplarity, int budget) {
        Map<String, String> values = new LinkedHashMap<>(section.values(state(null)));
        values.put(rankKey("SERVICE_QUALITY"), Integer.toString(quality));
        values.put(rankKey("ATTRACTIVENESS"), Integer.toString(attractiveness));
        values.put(rankKey("SUSTAINABLE_DEVELOPMENT"), Integer.toString(sustainable));
        values.put(rankKey("EXEMPLARITY"), Integer.toString(exemplarity));
        values.put(rankKey("BUDGET_EFFICIENCY"), Integer.toString(budget));
        return values;
    }

    private static ResponseState state(ResponseState.Motivations motivations) {
        return new ResponseState("bvn-2014", "vannes", 3, null, false, null, null, null, null, null, List.of(),
                motivations, null, null);
    }

    @Test
    void valuesGiveEachMotivationAndEachDefinitionItsRankFromOne() {
        ResponseState stored = state(new ResponseState.Motivations(
                List.of("ATTRACTIVENESS", "SERVICE_QUALITY", "BUDGET_EFFICIENCY", "EXEMPLARITY", "SUSTAINABLE_DEVELOPMENT"),
                Map.of("ATTRACTIVENESS", List.of("for_residents", "for_businesses", "for_tourists"))));

        Map<String, String> values = section.values(stored);

        assertThat(values).contains(entry(rankKey("SERVICE_QUALITY"), "2"), entry(rankKey("ATTRACTIVENESS"), "1"),
                entry(rankKey("SUSTAINABLE_DEVELOPMENT"), "5"), entry(rankKey("EXEMPLARITY"), "4"),
                entry(rankKey("BUDGET_EFFICIENCY"), "3"),
                entry(definitionKey("ATTRACTIVENESS", "for_businesses"), "2"),
                entry(definitionKey("ATTRACTIVENESS", "for_residents"), "1"),
                entry(definitionKey("ATTRACTIVENESS", "for_tourists"), "3"),
                entry(definitionKey("SERVICE_QUALITY", "easier_innovation"), ""));
        // 5 ranks and 3 + 3 + 2 + 0 + 3 definitions.
        assertThat(values).hasSize(16);
    }

    @Test
    void noMotivationsYetLeaveEveryFieldBlank() {
        assertThat(section.values(state(null)).values()).hasSize(16).containsOnly("");
    }

    @Test
    void theWholeRankingIsOneGroup() {
        assertThat(section.groups()).hasSize(1);
        assertThat(group.id()).isEqualTo("motivations");
        assertThat(group.keys()).hasSize(16).startsWith(rankKey("SERVICE_QUALITY"),
                definitionKey("SERVICE_QUALITY", "more_efficient_services"));
    }

    @Test
    void aRankGivenTwiceIsRefusedOnTheSecondMotivationGivenIt() {
        Map<String, String> values = ranked(1, 2, 2, 3, 4);

        assertThat(section.check(group, values, Map.of()))
                .contains(entry(rankKey("SUSTAINABLE_DEVELOPMENT"), "text:motivations.rankTwice"));
    }

    @Test
    void aRankBeyondTheNumberOfMotivationsIsRefused() {
        Map<String, String> values = ranked(1, 2, 3, 6, 4);

        assertThat(section.check(group, values, Map.of()))
                .contains(entry(rankKey("EXEMPLARITY"), "text:motivations.rankRange"));
    }

    @Test
    void aDefinitionRankBeyondItsMotivationsDefinitionsIsRefused() {
        Map<String, String> values = ranked(1, 2, 3, 4, 5);
        // Sustainable development has two definitions: rank 3 does not exist for it.
        values.put(definitionKey("SUSTAINABLE_DEVELOPMENT", "responsible_resource_management"), "1");
        values.put(definitionKey("SUSTAINABLE_DEVELOPMENT", "reduced_energy_consumption"), "3");

        assertThat(section.check(group, values, Map.of())).contains(
                entry(definitionKey("SUSTAINABLE_DEVELOPMENT", "reduced_energy_consumption"), "text:motivations.rankRange"));
    }

    @Test
    void aDefinitionRankGivenTwiceIsRefused() {
        Map<String, String> values = ranked(1, 2, 3, 4, 5);
        values.put(definitionKey("ATTRACTIVENESS", "for_businesses"), "2");
        values.put(definitionKey("ATTRACTIVENESS", "for_residents"), "2");

        assertThat(section.check(group, values, Map.of()))
                .contains(entry(definitionKey("ATTRACTIVENESS", "for_residents"), "text:motivations.rankTwice"));
    }

    @Test
    void anIncompleteRankingIsNoRefusalButWaitsWithoutACommand() {
        Map<String, String> values = ranked(1, 2, 3, 4, 5);
        values.put(rankKey("BUDGET_EFFICIENCY"), "");

        assertThat(section.check(group, values, Map.of())).isEmpty();
        assertThat(section.command(group, values, Map.of())).isNull();
        assertThat(section.pendingMessage(group)).isEqualTo("motivations.rankEach");
    }

    @Test
    void aMotivationWithOnlySomeDefinitionsRankedWaitsWithoutACommand() {
        Map<String, String> values = ranked(1, 2, 3, 4, 5);
        values.put(definitionKey("ATTRACTIVENESS", "for_businesses"), "1");

        assertThat(section.command(group, values, Map.of())).isNull();
    }

    @Test
    void aCompleteRankingIsSentInRankOrderWithTheDefinitionsOfFullyRankedMotivationsOnly() {
        Map<String, String> values = ranked(3, 1, 5, 2, 4);
        values.put(definitionKey("ATTRACTIVENESS", "for_businesses"), "3");
        values.put(definitionKey("ATTRACTIVENESS", "for_residents"), "1");
        values.put(definitionKey("ATTRACTIVENESS", "for_tourists"), "2");
        values.put(definitionKey("BUDGET_EFFICIENCY", "efficient_use_of_resources"), "2");
        values.put(definitionKey("BUDGET_EFFICIENCY", "achieving_public_policy_objectives"), "3");
        values.put(definitionKey("BUDGET_EFFICIENCY", "accountability_to_residents"), "1");

        section.command(group, values, Map.of()).send(3);

        assertThat(services.calls).hasSize(1);
        RecordingServices.Call call = services.calls.get(0);
        assertThat(call.command()).isEqualTo("motivations");
        assertThat(call.ifMatch()).isEqualTo(3);
        assertThat(call.arguments().get(0)).isEqualTo(List.of("ATTRACTIVENESS", "EXEMPLARITY", "SERVICE_QUALITY",
                "BUDGET_EFFICIENCY", "SUSTAINABLE_DEVELOPMENT"));
        assertThat(call.arguments().get(1)).isEqualTo(Map.of(
                "ATTRACTIVENESS", List.of("for_residents", "for_tourists", "for_businesses"),
                "BUDGET_EFFICIENCY", List.of("accountability_to_residents", "efficient_use_of_resources",
                        "achieving_public_policy_objectives")));
    }

    @Test
    void anIncompleteRankingSavedIsPendingAndNothingIsSent() {
        Map<String, String> was = section.values(state(null));
        Map<String, String> typed = new LinkedHashMap<>(was);
        typed.put(rankKey("ATTRACTIVENESS"), "1");

        SectionSave.Outcome outcome = new SectionSave(section, v -> state(null),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).save(typed, was, 3, null);

        assertThat(services.calls).isEmpty();
        assertThat(outcome.state().pending()).containsExactly(entry("motivations", "motivations.rankEach"));
        assertThat(outcome.state().value(rankKey("ATTRACTIVENESS"))).isEqualTo("1");
    }

    @Test
    void theApisDefinitionErrorLandsOnThatMotivationsFirstDefinitionAndOthersOnTheFirstRank() {
        assertThat(section.fieldOf(group, "definitions.BUDGET_EFFICIENCY"))
                .isEqualTo(definitionKey("BUDGET_EFFICIENCY", "efficient_use_of_resources"));
        assertThat(section.fieldOf(group, "ranking")).isEqualTo(rankKey("SERVICE_QUALITY"));
    }
}
