package io.barometer.web.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.support.questionnaire.Questionnaires;
import io.barometer.web.api.ResponseState;
import io.barometer.web.api.ResponseState.Governance;
import io.barometer.web.api.ResponseState.Project;

/** The 2014 questionnaire has seven actor statements. */
class ProgressTest {

    private static final Questionnaire BVN_2014 = Questionnaires.get("bvn-2014");
    private static final ResponseState.Profile PROFILE = new ResponseState.Profile("ELECTED", true, null);
    private static final ResponseState.Motivations MOTIVATIONS = new ResponseState.Motivations(
            List.of("SERVICE_QUALITY", "ATTRACTIVENESS", "SUSTAINABLE_DEVELOPMENT", "EXEMPLARITY", "BUDGET_EFFICIENCY"),
            Map.of());
    private static final Governance GOVERNED = new Governance(2, 3, "REGIE", null, null);

    private static ResponseState state(ResponseState.Profile profile, List<Project> projects,
                                       ResponseState.Motivations motivations, Map<String, String> actors) {
        return new ResponseState("bvn-2014", "vannes", 9, null, false, null, null, null, null, profile, projects,
                motivations, actors, null);
    }

    private static Project project(String id, Governance governance) {
        return new Project(id, "security", "city_video_surveillance", null, "DONE", governance, null, null);
    }

    private static Map<String, String> rated(int statements) {
        return BVN_2014.actorStatements().stream().limit(statements)
                .collect(Collectors.toMap(Questionnaire.ActorStatement::key, s -> "AGREE"));
    }

    @Test
    void aResponseNotStartedHasEveryPartToDoAndNoProjectToGovern() {
        List<Progress> progress = Progress.of(BVN_2014, null);

        assertThat(progress).containsExactly(new Progress("profile", 0, 1), new Progress("projects", 0, 1),
                new Progress("governance", 0, 0), new Progress("motivations", 0, 1), new Progress("actors", 0, 7));
        assertThat(Progress.sectionsComplete(progress)).isZero();
    }

    @Test
    void governanceCountsTheProjectsWithAnyGovernanceAnswerOutOfAllProjects() {
        ResponseState state = state(PROFILE, List.of(project("p1", GOVERNED), project("p2", Governance.NONE),
                project("p3", null)), MOTIVATIONS, rated(3));

        List<Progress> progress = Progress.of(BVN_2014, state);

        assertThat(progress).containsExactly(new Progress("profile", 1, 1), new Progress("projects", 1, 1),
                new Progress("governance", 1, 3), new Progress("motivations", 1, 1), new Progress("actors", 3, 7));
        assertThat(Progress.sectionsComplete(progress)).isEqualTo(3);
    }

    @Test
    void aStatementOutsideTheQuestionnaireDoesNotCountAsRated() {
        Map<String, String> actors = new HashMap<>(rated(6));
        actors.put("not_a_2014_statement", "AGREE");

        List<Progress> progress = Progress.of(BVN_2014, state(null, List.of(), null, actors));

        assertThat(progress.get(4)).isEqualTo(new Progress("actors", 6, 7));
        assertThat(progress.get(4).complete()).isFalse();
        assertThat(progress.get(4).started()).isTrue();
    }

    @Test
    void everyPartAnsweredAndEveryProjectGovernedCompletesAllFive() {
        ResponseState state = state(PROFILE, List.of(project("p1", GOVERNED), project("p2", GOVERNED)), MOTIVATIONS,
                rated(7));

        assertThat(Progress.sectionsComplete(Progress.of(BVN_2014, state))).isEqualTo(5);
    }

    @Test
    void withoutAnyProjectNeitherProjectsNorGovernanceIsComplete() {
        ResponseState state = state(PROFILE, List.of(), MOTIVATIONS, rated(7));

        List<Progress> progress = Progress.of(BVN_2014, state);

        assertThat(progress.get(2)).isEqualTo(new Progress("governance", 0, 0));
        assertThat(Progress.sectionsComplete(progress)).isEqualTo(3);
    }

    @Test
    void aPartWithNothingToFillIsNeitherStartedNorComplete() {
        Progress nothing = new Progress("governance", 0, 0);

        assertThat(nothing.complete()).isFalse();
        assertThat(nothing.started()).isFalse();
        assertThat(new Progress("actors", 7, 7).complete()).isTrue();
    }
}
