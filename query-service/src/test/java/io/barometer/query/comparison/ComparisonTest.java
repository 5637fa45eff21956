package io.barometer.query.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.barometer.events.Governance;
import io.barometer.events.Motivation;
import io.barometer.events.ProgressStatus;
import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.support.questionnaire.Questionnaires;
import io.barometer.query.asof.AsOfState;
import io.barometer.query.asof.Basis;
import io.barometer.query.campaign.Campaign;

/** The comparison on two small editions computed by hand. */
class ComparisonTest {

    static final Instant T = Instant.parse("2014-03-15T22:59:59Z");
    static final Questionnaire Q2013 = Questionnaires.get("bvn-2013");
    static final Questionnaire Q2014 = Questionnaires.get("bvn-2014");

    static AsOfState.Project p(String domain, ProgressStatus status) {
        return new AsOfState.Project(java.util.UUID.randomUUID().toString(), domain, null, "x", status, Governance.NONE, null);
    }

    static AsOfState.Respondent r(String id, List<Motivation> ranking, AsOfState.Project... projects) {
        return new AsOfState.Respondent(id, T.minusSeconds(3600), false, null, null, List.of(projects),
                ranking == null ? null : new AsOfState.Ranking(ranking, Map.of()), new TreeMap<>(), true, T, 1, 0, 1, 1);
    }

    static AsOfState state(String campaign, String questionnaire, AsOfState.Respondent... respondents) {
        return new AsOfState(new Campaign(campaign, 2014, campaign, T.minusSeconds(86_400 * 100), T, questionnaire, 1),
                T, Basis.EFFECTIVE, new ArrayList<>(List.of(respondents)));
    }

    static final List<Motivation> SQ_FIRST = List.of(Motivation.SERVICE_QUALITY, Motivation.ATTRACTIVENESS,
            Motivation.SUSTAINABLE_DEVELOPMENT, Motivation.EXEMPLARITY, Motivation.BUDGET_EFFICIENCY);
    static final List<Motivation> ATT_FIRST = List.of(Motivation.ATTRACTIVENESS, Motivation.SERVICE_QUALITY,
            Motivation.SUSTAINABLE_DEVELOPMENT, Motivation.EXEMPLARITY, Motivation.BUDGET_EFFICIENCY);

    static AsOfState base() {
        return state("bvn-2013", "bvn-2013",
                r("a", SQ_FIRST, p("education", ProgressStatus.DONE), p("education", ProgressStatus.STUDY),
                        p("transport_mobility", ProgressStatus.DONE)),
                r("b", ATT_FIRST, p("transport_mobility", ProgressStatus.IN_PROGRESS),
                        p("transport_mobility", ProgressStatus.DONE)),
                r("c", null, p("energy_water_waste", ProgressStatus.DONE)));
    }

    static AsOfState target() {
        return state("bvn-2014", "bvn-2014",
                r("a", SQ_FIRST, p("education", ProgressStatus.DONE), p("education", ProgressStatus.DONE),
                        p("cross_cutting", ProgressStatus.STUDY)),
                r("b", SQ_FIRST, p("transport_mobility", ProgressStatus.DONE)),
                r("d", null, p("transport_mobility", ProgressStatus.STUDY), p("energy_water_waste", ProgressStatus.STUDY)));
    }

    @Test
    void domainsCompareCountShareDoneShareAndProgressWithTheirDifference() {
        Comparison.View v = Comparison.compare(base(), Q2013, target(), Q2014, false, List.of());
        assertThat(v.panel()).isFalse();
        assertThat(v.panelRespondents()).isNull();
        assertThat(v.base().projects()).isEqualTo(6);
        assertThat(v.target().projects()).isEqualTo(6);

        Comparison.DomainComparison education = v.byDomain().get("education");
        assertThat(education.base().count()).isEqualTo(2);
        assertThat(education.base().share()).isCloseTo(2.0 / 6, within(1e-9));
        assertThat(education.base().doneShare()).isCloseTo(0.5, within(1e-9));
        assertThat(education.base().averageProgress()).isCloseTo(2.0, within(1e-9));
        assertThat(education.target().doneShare()).isCloseTo(1.0, within(1e-9));
        assertThat(education.target().averageProgress()).isCloseTo(3.0, within(1e-9));
        assertThat(education.delta().count()).isZero();
        assertThat(education.delta().doneShare()).isCloseTo(0.5, within(1e-9));
        assertThat(education.delta().averageProgress()).isCloseTo(1.0, within(1e-9));

        Comparison.DomainComparison transport = v.byDomain().get("transport_mobility");
        assertThat(transport.base().count()).isEqualTo(3);
        assertThat(transport.base().doneShare()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(transport.base().averageProgress()).isCloseTo(8.0 / 3, within(1e-9));
        assertThat(transport.target().count()).isEqualTo(2);
        assertThat(transport.delta().count()).isEqualTo(-1);
        assertThat(transport.delta().share()).isCloseTo(2.0 / 6 - 3.0 / 6, within(1e-9));

        // New in 2014: absent from the 2013 questionnaire, not a zero.
        Comparison.DomainComparison crossCutting = v.byDomain().get("cross_cutting");
        assertThat(crossCutting.base().absent()).isTrue();
        assertThat(crossCutting.base().count()).isNull();
        assertThat(crossCutting.target().count()).isEqualTo(1);
        assertThat(crossCutting.delta()).isNull();
        // Present in both questionnaires, declared by nobody in 2014: a real zero.
        assertThat(v.byDomain().get("security").target().count()).isZero();

        assertThat(v.topDomains().get("base")).containsExactly("transport_mobility", "education", "energy_water_waste");
        assertThat(v.topDomains().get("target")).containsExactly("education", "transport_mobility", "cross_cutting");

        Comparison.MotivationComparison quality = v.motivations().get("SERVICE_QUALITY");
        assertThat(quality.base().meanScore()).isCloseTo(4.5, within(1e-9));
        assertThat(quality.target().meanScore()).isCloseTo(5.0, within(1e-9));
        assertThat(quality.delta().meanScore()).isCloseTo(0.5, within(1e-9));
        assertThat(quality.target().rank()).isEqualTo(1);
        assertThat(v.motivations().get("ATTRACTIVENESS").target().rank()).isEqualTo(2);
    }

    @Test
    void aPanelKeepsOnlyTheRespondentsOfBothEditions() {
        AsOfState[] panel = Comparison.panel(base(), target());
        Comparison.View v = Comparison.compare(panel[0], Q2013, panel[1], Q2014, true, List.of());
        assertThat(v.panel()).isTrue();
        assertThat(v.panelRespondents()).isEqualTo(2);
        assertThat(v.base().respondents()).isEqualTo(2);
        assertThat(v.base().projects()).isEqualTo(5);
        assertThat(v.target().projects()).isEqualTo(4);
        assertThat(v.byDomain().get("energy_water_waste").base().count()).isZero();
        assertThat(v.byDomain().get("transport_mobility").base().share()).isCloseTo(3.0 / 5, within(1e-9));
        assertThat(v.byDomain().get("transport_mobility").target().share()).isCloseTo(1.0 / 4, within(1e-9));
        assertThat(v.byDomain().get("education").target().share()).isCloseTo(2.0 / 4, within(1e-9));
    }
}
