package io.barometer.query.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.barometer.events.AgreementLevel;
import io.barometer.events.CollectiviteKind;
import io.barometer.events.CoordinationMode;
import io.barometer.events.DecisionMode;
import io.barometer.events.Governance;
import io.barometer.events.ManagementMode;
import io.barometer.events.Motivation;
import io.barometer.events.ProgressStatus;
import io.barometer.events.RespondentRole;
import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.support.questionnaire.Questionnaires;
import io.barometer.query.asof.AsOfState;
import io.barometer.query.asof.AsOfState.Place;
import io.barometer.query.asof.AsOfState.Profile;
import io.barometer.query.asof.AsOfState.Project;
import io.barometer.query.asof.AsOfState.Ranking;
import io.barometer.query.asof.AsOfState.Respondent;
import io.barometer.query.asof.Basis;
import io.barometer.query.campaign.Campaign;
import io.barometer.query.synthesis.SynthesisFigures.DomainFigures;
import io.barometer.query.synthesis.SynthesisFigures.PerRespondent;

/** Each statistic on small cases computed by hand. */
class SynthesisTest {

    static final Questionnaire Q = Questionnaires.get("bvn-2014");
    static final Instant CLOSES = Instant.parse("2014-03-15T22:59:59Z");
    static final Governance NONE = Governance.NONE;

    // --- per respondent ----------------------------------------------------------------------------------

    @Test
    void theMedianOfAnOddCountIsTheMiddleOneAndOfAnEvenCountTheMeanOfTheTwoMiddleOnes() {
        assertThat(Synthesis.perRespondent(List.of(7, 1, 3))).isEqualTo(new PerRespondent(1, 3.0, 11 / 3.0, 7));
        assertThat(Synthesis.perRespondent(List.of(8, 1, 4, 5))).isEqualTo(new PerRespondent(1, 4.5, 4.5, 8));
        assertThat(Synthesis.perRespondent(List.of(2))).isEqualTo(new PerRespondent(2, 2.0, 2.0, 2));
        assertThat(Synthesis.perRespondent(List.of())).isEqualTo(new PerRespondent(null, null, null, null));
    }

    @Test
    void perRespondentCountsOnlyRespondentsWithAProjectInTheDomain() {
        var a = r("a").project("education", ProgressStatus.DONE).project("education", ProgressStatus.STUDY)
                .project("education", null).build();
        var b = r("b").project("education", ProgressStatus.IN_PROGRESS).build();
        var c = r("c").project("security", ProgressStatus.DONE).build();
        var d = r("d").build();
        DomainFigures education = Synthesis.compute(state(a, b, c, d), Q).projects().byDomain().get("education");
        assertThat(education.count()).isEqualTo(4);
        assertThat(education.respondents()).isEqualTo(2);
        assertThat(education.perRespondent()).isEqualTo(new PerRespondent(1, 2.0, 2.0, 3));
        assertThat(education.share()).isEqualTo(4 / 5.0);
    }

    // --- status ------------------------------------------------------------------------------------------

    @Test
    void statusSharesAndAverageProgressAreOverAnsweredStatusesOnlyAndNotAnsweredIsCounted() {
        var a = r("a").project("egov_ecitizenship", ProgressStatus.DONE).project("egov_ecitizenship", ProgressStatus.DONE)
                .project("egov_ecitizenship", ProgressStatus.STUDY).project("egov_ecitizenship", null).build();
        DomainFigures egov = Synthesis.compute(state(a), Q).projects().byDomain().get("egov_ecitizenship");
        assertThat(egov.status()).containsExactly(Map.entry("STUDY", 1), Map.entry("IN_PROGRESS", 0),
                Map.entry("DONE", 2), Map.entry("NOT_ANSWERED", 1));
        assertThat(egov.statusShare()).containsEntry("DONE", 2 / 3.0).containsEntry("STUDY", 1 / 3.0)
                .containsEntry("IN_PROGRESS", 0.0);
        assertThat(egov.averageProgress()).isEqualTo((3 + 3 + 1) / 3.0);
    }

    @Test
    void aDomainWithoutAnsweredStatusHasNoShareNorAverage() {
        var a = r("a").project("security", null).build();
        DomainFigures security = Synthesis.compute(state(a), Q).projects().byDomain().get("security");
        assertThat(security.averageProgress()).isNull();
        assertThat(security.statusShare().get("DONE")).isNull();
        DomainFigures empty = Synthesis.compute(state(a), Q).projects().byDomain().get("education");
        assertThat(empty.count()).isZero();
        assertThat(empty.share()).isZero();
        assertThat(empty.perRespondent().median()).isNull();
    }

    @Test
    void everyQuestionnaireDomainIsReportedAndTheProjectRespondentsAreThoseWithAnyProject() {
        var a = r("a").project("security", ProgressStatus.DONE).build();
        var b = r("b").build();
        var projects = Synthesis.compute(state(a, b), Q).projects();
        assertThat(projects.byDomain().keySet()).containsExactlyElementsOf(
                Q.domains().stream().map(Questionnaire.Domain::key).toList());
        assertThat(projects.total()).isEqualTo(1);
        assertThat(projects.respondents()).isEqualTo(1);
    }

    @Test
    void catalogueItemsCountDistinctRespondentsSortedByCountThenKeyAndFreeLabelsAreLeftOut() {
        var a = r("a").item("education", "classroom_wifi").item("education", "tablets_in_schools")
                .item("education", null).build();
        var b = r("b").item("education", "tablets_in_schools").item("education", "classroom_wifi").build();
        var c = r("c").item("education", "tablets_in_schools").build();
        var items = Synthesis.compute(state(a, b, c), Q).projects().byDomain().get("education").topCatalogueItems();
        assertThat(items).containsExactly(new SynthesisFigures.ItemCount("tablets_in_schools", 3),
                new SynthesisFigures.ItemCount("classroom_wifi", 2));
    }

    // --- governance --------------------------------------------------------------------------------------

    @Test
    void governanceRestsOnProjectsWithSomeGovernanceAndCountsMissingFieldsAsNotAnswered() {
        var a = r("a")
                .governed("education", new Governance(1, 4, ManagementMode.REGIE, null, CoordinationMode.DEDICATED_TEAM))
                .governed("education", new Governance(3, null, ManagementMode.REGIE, DecisionMode.UNILATERAL, null))
                .governed("education", NONE).build();
        var b = r("b").governed("security", new Governance(null, 2, null, null, null)).build();
        var c = r("c").governed("security", NONE).build();
        var g = Synthesis.compute(state(a, b, c), Q).governance();
        assertThat(g.projects()).isEqualTo(3);
        assertThat(g.withoutGovernance()).isEqualTo(2);
        assertThat(g.respondents()).isEqualTo(2);

        assertThat(g.measure().distribution()).containsExactly(Map.entry("1", 1), Map.entry("2", 0), Map.entry("3", 1),
                Map.entry("4", 0), Map.entry("NOT_ANSWERED", 1));
        assertThat(g.measure().answered()).isEqualTo(2);
        assertThat(g.measure().mean()).isEqualTo(2.0);
        assertThat(g.measure().respondents()).isEqualTo(1);
        assertThat(g.measure().share()).containsEntry("1", 0.5).containsEntry("3", 0.5);
        assertThat(g.means().mean()).isEqualTo(3.0);
        assertThat(g.means().respondents()).isEqualTo(2);
        assertThat(g.means().distribution().get("NOT_ANSWERED")).isEqualTo(1);

        assertThat(g.managementMode().distribution()).containsEntry("REGIE", 2).containsEntry("NOT_ANSWERED", 1)
                .containsEntry("DSP", 0);
        assertThat(g.managementMode().share()).containsEntry("REGIE", 2 / 3.0);
        assertThat(g.managementMode().respondents()).isEqualTo(1);
        assertThat(g.decisionMode().distribution()).containsEntry("UNILATERAL", 1).containsEntry("NOT_ANSWERED", 2);
        assertThat(g.coordination().answered()).isEqualTo(1);

        assertThat(g.byDomain().get("security")).isEqualTo(new SynthesisFigures.GovernanceBase(1, 1, 1));
        assertThat(g.measure().byDomain().get("security").distribution().get("NOT_ANSWERED")).isEqualTo(1);
        assertThat(g.measure().byDomain().get("security").mean()).isNull();
        assertThat(g.means().byDomain().get("security").mean()).isEqualTo(2.0);
        assertThat(g.managementMode().byDomain().get("education").distribution().get("REGIE")).isEqualTo(2);
    }

    // --- motivations -------------------------------------------------------------------------------------

    @Test
    void motivationScoresAreSixMinusTheRankAveragedOverTheRespondentsWhoRanked() {
        List<Motivation> first = List.of(Motivation.SERVICE_QUALITY, Motivation.ATTRACTIVENESS,
                Motivation.BUDGET_EFFICIENCY, Motivation.SUSTAINABLE_DEVELOPMENT, Motivation.EXEMPLARITY);
        List<Motivation> second = List.of(Motivation.ATTRACTIVENESS, Motivation.SERVICE_QUALITY,
                Motivation.BUDGET_EFFICIENCY, Motivation.EXEMPLARITY, Motivation.SUSTAINABLE_DEVELOPMENT);
        var a = r("a").ranking(first, Map.of(Motivation.ATTRACTIVENESS,
                List.of("for_residents", "for_businesses", "for_tourists"))).build();
        var b = r("b").ranking(second, Map.of()).build();
        var c = r("c").build();
        var m = Synthesis.compute(state(a, b, c), Q).motivations();
        assertThat(m.respondents()).isEqualTo(2);
        var quality = m.byMotivation().get("SERVICE_QUALITY");
        assertThat(quality.points()).isEqualTo(5 + 4);
        assertThat(quality.meanScore()).isEqualTo(4.5);
        assertThat(quality.rankCounts()).containsExactly(Map.entry("1", 1), Map.entry("2", 1), Map.entry("3", 0),
                Map.entry("4", 0), Map.entry("5", 0));
        // Service quality and attractiveness tie at 9 points: both rank 1; budget efficiency comes third.
        assertThat(quality.rank()).isEqualTo(1);
        assertThat(m.byMotivation().get("ATTRACTIVENESS").rank()).isEqualTo(1);
        assertThat(m.byMotivation().get("BUDGET_EFFICIENCY").rank()).isEqualTo(3);
        assertThat(m.byMotivation().get("EXEMPLARITY").meanScore()).isEqualTo((1 + 2) / 2.0);

        var attractiveness = m.byMotivation().get("ATTRACTIVENESS");
        assertThat(attractiveness.definitionRespondents()).isEqualTo(1);
        assertThat(attractiveness.definitions().get("for_residents")).containsEntry("1", 1).containsEntry("2", 0);
        assertThat(attractiveness.definitions().get("for_tourists")).containsEntry("3", 1);
        assertThat(attractiveness.definitionMeanRank()).containsEntry("for_businesses", 2.0);
        assertThat(m.byMotivation().get("SERVICE_QUALITY").definitionRespondents()).isZero();
        assertThat(m.byMotivation().get("SERVICE_QUALITY").definitionMeanRank().get("more_efficient_services")).isNull();
    }

    @Test
    void withoutAnyRankingMeanScoresAreNull() {
        var m = Synthesis.compute(state(r("a").build()), Q).motivations();
        assertThat(m.respondents()).isZero();
        assertThat(m.byMotivation().get("SERVICE_QUALITY").meanScore()).isNull();
    }

    // --- actors ------------------------------------------------------------------------------------------

    @Test
    void agreementIsTheShareOfAgreeAndStronglyAgreeAmongThoseWhoRatedTheStatement() {
        var a = r("a").actor("co_construction_city_citizens", AgreementLevel.AGREE)
                .actor("co_construction_city_companies", AgreementLevel.DISAGREE).build();
        var b = r("b").actor("co_construction_city_citizens", AgreementLevel.STRONGLY_AGREE).build();
        var c = r("c").actor("co_construction_city_citizens", AgreementLevel.STRONGLY_DISAGREE).build();
        var d = r("d").build();
        var actors = Synthesis.compute(state(a, b, c, d), Q).actors();
        assertThat(actors.respondents()).isEqualTo(3);
        var citizens = actors.byStatement().get("co_construction_city_citizens");
        assertThat(citizens.respondents()).isEqualTo(3);
        assertThat(citizens.notRated()).isZero();
        assertThat(citizens.agreeShare()).isEqualTo(2 / 3.0);
        assertThat(citizens.levels()).containsExactly(Map.entry("STRONGLY_DISAGREE", 1), Map.entry("DISAGREE", 0),
                Map.entry("AGREE", 1), Map.entry("STRONGLY_AGREE", 1));
        var companies = actors.byStatement().get("co_construction_city_companies");
        assertThat(companies.respondents()).isEqualTo(1);
        assertThat(companies.notRated()).isEqualTo(2);
        assertThat(companies.agreeShare()).isZero();
        assertThat(actors.byStatement().get("priority_to_citizen_interests").agreeShare()).isNull();
    }

    // --- profile and timeliness --------------------------------------------------------------------------

    @Test
    void profileCountsKindsRegionsPopulationBandsRolesAndWorkInDigital() {
        var a = r("a").place(CollectiviteKind.COMMUNE, "Bretagne", 99_999).profile(RespondentRole.ADMIN_STAFF, true).build();
        var b = r("b").place(CollectiviteKind.COMMUNE, "Bretagne", 100_000).profile(RespondentRole.ELECTED, false).build();
        var c = r("c").place(CollectiviteKind.METROPOLE, "Alsace", null).build();
        var d = r("d").build();
        var p = Synthesis.compute(state(a, b, c, d), Q).respondents();
        assertThat(p.count()).isEqualTo(4);
        assertThat(p.byKind()).containsEntry("COMMUNE", 2).containsEntry("METROPOLE", 1)
                .containsEntry("COMMUNAUTE_URBAINE", 0).containsEntry("UNKNOWN", 1);
        assertThat(p.byRegion()).containsExactly(Map.entry("Bretagne", 2), Map.entry("Alsace", 1), Map.entry("UNKNOWN", 1));
        assertThat(p.byPopulationBand()).containsExactly(Map.entry("UNDER_100K", 1), Map.entry("FROM_100K", 1),
                Map.entry("UNKNOWN", 2));
        assertThat(p.byRole()).containsExactly(Map.entry("ELECTED", 1), Map.entry("ADMIN_STAFF", 1),
                Map.entry("NOT_ANSWERED", 2));
        assertThat(p.worksInDigital()).isEqualTo(new SynthesisFigures.WorksInDigital(1, 1, 2, 0.5));
    }

    @Test
    void everyChangeOfALateRespondentIsALateSubmissionAndAnOnTimeRespondentsLaterChangesArePostDeadlineEdits() {
        var onTime = r("a").changes(10, 3).build();
        var late = r("b").late().changes(4, 4).build();
        var t = Synthesis.compute(state(onTime, late), Q).timeliness();
        assertThat(t).containsExactly(Map.entry("ON_TIME", 7L), Map.entry("LATE_SUBMISSION", 4L),
                Map.entry("POST_DEADLINE_EDIT", 3L));
    }

    @Test
    void theFingerprintDependsOnTheFiguresOnly() {
        var a = r("a").project("education", ProgressStatus.DONE).build();
        var b = r("b").project("education", ProgressStatus.STUDY).build();
        String ab = Fingerprint.of(Synthesis.compute(state(a, b), Q));
        assertThat(Fingerprint.of(Synthesis.compute(state(b, a), Q))).isEqualTo(ab);
        assertThat(Fingerprint.of(Synthesis.compute(state(a), Q))).isNotEqualTo(ab).startsWith("sha256:");
        assertThat(Fingerprint.canonicalJson(Map.of("b", 1, "a", Map.of("d", 2.5, "c", true))))
                .isEqualTo("{\"a\":{\"c\":true,\"d\":2.5},\"b\":1}");
    }

    // --- fixtures ----------------------------------------------------------------------------------------

    static AsOfState state(Respondent... respondents) {
        return new AsOfState(new Campaign("c", 2014, "t", CLOSES.minusSeconds(86_400 * 100), CLOSES, "bvn-2014", 1),
                CLOSES, Basis.EFFECTIVE, List.of(respondents));
    }

    static R r(String id) {
        return new R(id);
    }

    /** A respondent built by hand. */
    static final class R {
        private final String id;
        private Place place;
        private Profile profile;
        private final List<Project> projects = new ArrayList<>();
        private Ranking ranking;
        private final TreeMap<String, AgreementLevel> actors = new TreeMap<>();
        private boolean late;
        private long changes;
        private long afterClosing;

        R(String id) {
            this.id = id;
        }

        R project(String domain, ProgressStatus status) {
            projects.add(new Project(id + "-" + projects.size(), domain, null, "x", status, NONE, null));
            return this;
        }

        R item(String domain, String item) {
            projects.add(new Project(id + "-" + projects.size(), domain, item, item == null ? "free" : null,
                    ProgressStatus.DONE, NONE, null));
            return this;
        }

        R governed(String domain, Governance governance) {
            projects.add(new Project(id + "-" + projects.size(), domain, null, "x", ProgressStatus.DONE, governance, null));
            return this;
        }

        R ranking(List<Motivation> order, Map<Motivation, List<String>> definitions) {
            ranking = new Ranking(order, definitions);
            return this;
        }

        R actor(String statement, AgreementLevel level) {
            actors.put(statement, level);
            return this;
        }

        R place(CollectiviteKind kind, String region, Integer population) {
            place = new Place(id, kind, region, population);
            return this;
        }

        R profile(RespondentRole role, boolean worksInDigital) {
            profile = new Profile(role, worksInDigital, null);
            return this;
        }

        R late() {
            late = true;
            return this;
        }

        R changes(long all, long afterTheClosing) {
            changes = all;
            afterClosing = afterTheClosing;
            return this;
        }

        Respondent build() {
            Instant started = late ? CLOSES.plusSeconds(60) : CLOSES.minusSeconds(60);
            return new Respondent(id, started, late, place, profile, projects, ranking, actors, false, null, changes,
                    afterClosing, 1, 1);
        }
    }
}
