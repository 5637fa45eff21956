package io.barometer.web.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.ResponseState;
import io.barometer.web.api.Services.Written;

class SectionSaveTest {

    /** 13:02:40 UTC on 12 March 2014 is 14:02 in Paris (winter time): the page says "saved at 14:02". */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2014-03-12T13:02:40Z"), ZoneId.of("Europe/Paris"));
    private static final LocalTime SAVED_AT = LocalTime.of(14, 2);

    private static final Group PROJECT = new Group("project", List.of("label.p", "status.p"));
    private static final Group LEVEL = new Group("level", List.of("level"));

    /** What the page showed: both groups stored, version 7. */
    private static final Map<String, String> WAS = Map.of("label.p", "Wifi", "status.p", "STUDY", "level", "AGREE");

    private final FakeSection section = new FakeSection();
    private final List<Long> refreshedFrom = new ArrayList<>();
    private final Deque<ResponseState> reads = new ArrayDeque<>();

    private SectionSave.Outcome save(Map<String, String> submitted, long version, String take) {
        return new SectionSave(section, minVersion -> {
            refreshedFrom.add(minVersion);
            return reads.remove();
        }, CLOCK).save(submitted, WAS, version, take);
    }

    private static Map<String, String> typed(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>(WAS);
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    /** The response as query-service would give it after a colleague's write; this section's values ride on actors. */
    private static ResponseState stored(long version, String... pairs) {
        return new ResponseState("bvn-2014", "vannes", version, null, false, null, null, null, null, null, List.of(),
                null, typed(pairs), null);
    }

    private static ApiProblem stale() {
        return new ApiProblem(412, "Precondition Failed", "version 7 is not the current one", List.of());
    }

    @Test
    void aChangedGroupIsSentOnceWithThePagesVersionAndTheVersionAdvances() {
        section.answers.add(new Written(8, true));

        SectionSave.Outcome outcome = save(typed("status.p", "DONE"), 7, null);

        assertThat(section.sent).containsExactly(new Sent("project", 7, Map.of("label.p", "Wifi", "status.p", "DONE")));
        assertThat(outcome.version()).isEqualTo(8);
        assertThat(outcome.state().saved()).containsExactly(entry("project", SAVED_AT));
        assertThat(outcome.state().was("status.p")).isEqualTo("DONE");
        assertThat(outcome.state().troubled()).isFalse();
        assertThat(refreshedFrom).isEmpty();
    }

    @Test
    void twoChangedGroupsAreSentInTurnEachWithTheVersionTheWriteBeforeGave() {
        section.answers.add(new Written(8, true));
        section.answers.add(new Written(9, true));

        SectionSave.Outcome outcome = save(typed("status.p", "DONE", "level", "DISAGREE"), 7, null);

        assertThat(section.sent).extracting(Sent::group, Sent::ifMatch)
                .containsExactly(tuple("project", 7L), tuple("level", 8L));
        assertThat(outcome.version()).isEqualTo(9);
        assertThat(outcome.state().saved()).containsOnlyKeys("project", "level");
    }

    @Test
    void anUnchangedGroupSendsNothingAndKeepsTheVersion() {
        SectionSave.Outcome outcome = save(typed(), 7, null);

        assertThat(section.sent).isEmpty();
        assertThat(outcome.version()).isEqualTo(7);
        assertThat(outcome.state().saved()).isEmpty();
        assertThat(outcome.state().values()).isEqualTo(WAS);
    }

    @Test
    void aStaleVersionIsSentAgainOnTheFreshOneWhenTheColleagueLeftTheGroupAsThePageKnewIt() {
        section.answers.add(stale());
        section.answers.add(new Written(11, true));
        // The colleague changed only the other group, to DISAGREE.
        reads.add(stored(10, "level", "DISAGREE"));

        SectionSave.Outcome outcome = save(typed("status.p", "DONE"), 7, null);

        assertThat(section.sent).extracting(Sent::ifMatch).containsExactly(7L, 10L);
        assertThat(refreshedFrom).containsExactly(8L);
        assertThat(outcome.version()).isEqualTo(11);
        assertThat(outcome.state().saved()).containsExactly(entry("project", SAVED_AT));
        assertThat(outcome.state().conflicts()).isEmpty();
        // The group this person did not touch now shows the colleague's answer, as value and as known.
        assertThat(outcome.state().value("level")).isEqualTo("DISAGREE");
        assertThat(outcome.state().was("level")).isEqualTo("DISAGREE");
    }

    @Test
    void aStaleVersionWhereTheColleagueChangedTheSameGroupIsAConflictWithTheirValuesAndSendsNothingMore() {
        section.answers.add(stale());
        reads.add(stored(10, "status.p", "IN_PROGRESS"));

        SectionSave.Outcome outcome = save(typed("status.p", "DONE"), 7, null);

        assertThat(section.sent).hasSize(1);
        assertThat(outcome.version()).isEqualTo(10);
        assertThat(outcome.state().conflict("project")).containsExactly(entry("label.p", "Wifi"),
                entry("status.p", "IN_PROGRESS"));
        // Both answers stay on the page: what this person typed, and the colleague's as the one now stored.
        assertThat(outcome.state().value("status.p")).isEqualTo("DONE");
        assertThat(outcome.state().was("status.p")).isEqualTo("IN_PROGRESS");
        assertThat(outcome.state().saved()).isEmpty();
        assertThat(outcome.state().troubled()).isTrue();
    }

    @Test
    void aStaleVersionWhereTheStoredValueIsAlreadyWhatWasTypedCountsAsSaved() {
        section.answers.add(stale());
        reads.add(stored(10, "status.p", "DONE"));

        SectionSave.Outcome outcome = save(typed("status.p", "DONE"), 7, null);

        assertThat(section.sent).hasSize(1);
        assertThat(outcome.version()).isEqualTo(10);
        assertThat(outcome.state().saved()).containsExactly(entry("project", SAVED_AT));
        assertThat(outcome.state().conflicts()).isEmpty();
        assertThat(outcome.state().was("status.p")).isEqualTo("DONE");
    }

    @Test
    void aVersionStaleOnEveryAttemptGivesUpAfterThreeSendsWithAnErrorOnTheGroup() {
        for (int attempt = 0; attempt < 3; attempt++) {
            section.answers.add(stale());
        }
        reads.add(stored(10));
        reads.add(stored(12));

        SectionSave.Outcome outcome = save(typed("status.p", "DONE"), 7, null);

        assertThat(section.sent).extracting(Sent::ifMatch).containsExactly(7L, 10L, 12L);
        assertThat(refreshedFrom).containsExactly(8L, 11L);
        assertThat(outcome.state().errors()).containsExactly(entry("label.p", "version 7 is not the current one"));
        assertThat(outcome.state().saved()).isEmpty();
    }

    @Test
    void takingTheColleaguesValuesKeepsThemAndSendsNothing() {
        // After a conflict the page knows the colleague's IN_PROGRESS; the person's own DONE is still typed.
        Map<String, String> was = typed("status.p", "IN_PROGRESS");
        SectionSave.Outcome outcome = new SectionSave(section, v -> {
            throw new AssertionError("nothing to read back");
        }, CLOCK).save(typed("status.p", "DONE"), was, 10, "project");

        assertThat(section.sent).isEmpty();
        assertThat(outcome.version()).isEqualTo(10);
        assertThat(outcome.state().value("status.p")).isEqualTo("IN_PROGRESS");
        assertThat(outcome.state().troubled()).isFalse();
    }

    @Test
    void anApiValidationErrorLandsOnTheFieldItNamesAndKeepsTheTypedValues() {
        section.answers.add(new ApiProblem(422, "Unprocessable Entity", "invalid answer",
                List.of(new ApiProblem.FieldError("status", "must be one of STUDY, IN_PROGRESS, DONE"))));

        SectionSave.Outcome outcome = save(typed("label.p", "Wifi public", "status.p", "LATER"), 7, null);

        assertThat(outcome.state().errors())
                .containsExactly(entry("status.p", "must be one of STUDY, IN_PROGRESS, DONE"));
        assertThat(outcome.state().value("label.p")).isEqualTo("Wifi public");
        assertThat(outcome.state().value("status.p")).isEqualTo("LATER");
        assertThat(outcome.state().was("status.p")).isEqualTo("STUDY");
        assertThat(outcome.version()).isEqualTo(7);
    }

    @Test
    void anApiErrorNamingNoFieldLandsOnTheGroupsFirstFieldWithItsDetail() {
        section.answers.add(new ApiProblem(409, "Conflict", "the response is already submitted", null));

        SectionSave.Outcome outcome = save(typed("status.p", "DONE"), 7, null);

        assertThat(outcome.state().errors()).containsExactly(entry("label.p", "the response is already submitted"));
    }

    @Test
    void aRefusalOfTheSectionsOwnCheckSendsNothing() {
        SectionSave.Outcome outcome = save(typed("level", FakeSection.REFUSED), 7, null);

        assertThat(section.sent).isEmpty();
        assertThat(outcome.state().errors()).containsExactly(entry("level", "text:fake.refused"));
        assertThat(outcome.state().value("level")).isEqualTo(FakeSection.REFUSED);
    }

    @Test
    void aGroupWithoutACommandYetIsMarkedPendingAndKeepsWhatWasTyped() {
        SectionSave.Outcome outcome = save(typed("label.p", FakeSection.INCOMPLETE), 7, null);

        assertThat(section.sent).isEmpty();
        assertThat(outcome.state().pending()).containsExactly(entry("project", "fake.pending"));
        assertThat(outcome.state().value("label.p")).isEqualTo(FakeSection.INCOMPLETE);
        assertThat(outcome.state().was("label.p")).isEqualTo("Wifi");
        assertThat(outcome.state().saved()).isEmpty();
    }

    /** One command sent: its group, the If-Match it carried and the group's values it stored. */
    record Sent(String group, long ifMatch, Map<String, String> values) {
    }

    /**
     * Two groups stored as the response's actor levels (any string map would do). A value REFUSED is refused
     * by the section's own check, a value INCOMPLETE leaves its group without a command, and each command
     * answers the next scripted write or refusal.
     */
    private static final class FakeSection implements Section {

        static final String REFUSED = "refused";
        static final String INCOMPLETE = "incomplete";

        final List<Sent> sent = new ArrayList<>();
        final Deque<Object> answers = new ArrayDeque<>();

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public Map<String, String> values(ResponseState state) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Group group : groups()) {
                values.putAll(group.slice(state.actors()));
            }
            return values;
        }

        @Override
        public List<Group> groups() {
            return List.of(PROJECT, LEVEL);
        }

        @Override
        public Optional<Map.Entry<String, String>> check(Group group, Map<String, String> values,
                                                         Map<String, String> was) {
            return group.keys().stream().filter(k -> REFUSED.equals(values.get(k)))
                    .map(k -> Map.entry(k, "text:fake.refused")).findFirst();
        }

        @Override
        public Command command(Group group, Map<String, String> values, Map<String, String> was) {
            if (group.slice(values).containsValue(INCOMPLETE)) {
                return null;
            }
            return ifMatch -> {
                sent.add(new Sent(group.id(), ifMatch, group.slice(values)));
                Object answer = answers.remove();
                if (answer instanceof ApiProblem refusal) {
                    throw refusal;
                }
                return (Written) answer;
            };
        }

        @Override
        public String pendingMessage(Group group) {
            return "fake.pending";
        }
    }
}
