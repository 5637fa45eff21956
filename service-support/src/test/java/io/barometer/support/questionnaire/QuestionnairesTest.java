package io.barometer.support.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.barometer.events.Motivation;
import io.barometer.events.questionnaire.Questionnaire;

class QuestionnairesTest {

    @Test
    void bvn2014HasTenDomainsAndCrossCuttingIsNewIn2014() {
        Questionnaire q2014 = Questionnaires.get("bvn-2014");
        Questionnaire q2013 = Questionnaires.get("bvn-2013");
        assertThat(q2014.domains()).hasSize(10);
        assertThat(q2014.domain("cross_cutting")).isPresent();
        assertThat(q2013.domains()).hasSize(9);
        assertThat(q2013.domain("cross_cutting")).isEmpty();
    }

    @Test
    void motivationDefinitionsFollowTheReport() {
        Questionnaire q = Questionnaires.get("bvn-2014");
        assertThat(q.motivation(Motivation.EXEMPLARITY).orElseThrow().definitionKeys()).isEmpty();
        assertThat(q.motivation(Motivation.SUSTAINABLE_DEVELOPMENT).orElseThrow().definitionKeys())
                .containsExactly("responsible_resource_management", "reduced_energy_consumption");
        assertThat(q.domain("education").orElseThrow().hasCatalogueItem("digital_equipment_in_schools")).isTrue();
        assertThat(q.hasActorStatement("co_construction_city_citizens")).isTrue();
        assertThat(q.measureLevelCount()).isEqualTo(4);
    }

    @Test
    void unknownDefinitionIsAbsent() {
        assertThat(Questionnaires.find("bvn-1999")).isEmpty();
    }
}
