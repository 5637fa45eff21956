package io.barometer.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.Caller;
import io.barometer.web.api.Person;
import io.barometer.web.api.Services;

/** The header's name: read from query-service, kept a few minutes in memory, the role shown when it cannot be read. */
class SignedInNamesTest {

    private static final SignedIn MARIE = new SignedIn("3f2a9c1b-7d4e-4c2a-9b1f-0e6d5c4b3a29", SignedIn.RESPONDENT,
            "vannes", "marie-token");

    /** query-service's /api/people/me, answering what the test lined up, one answer per call. */
    private static final class PeopleMe extends Services {
        final Deque<Object> answers = new ArrayDeque<>();
        int calls;

        PeopleMe() {
            super("http://command.invalid", "http://query.invalid", new ObjectMapper());
        }

        @Override
        public Person me(Caller caller) {
            calls++;
            assertThat(caller.token()).isEqualTo("marie-token");
            Object answer = answers.removeFirst();
            if (answer instanceof RuntimeException e) {
                throw e;
            }
            return (Person) answer;
        }
    }

    /** A clock the test moves by hand. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-03-12T13:02:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final PeopleMe query = new PeopleMe();
    private final Hands clock = new Hands();
    private final SignedInNames names = new SignedInNames(query, clock);

    private static Person person(String username, String displayName) {
        return new Person(MARIE.personId(), username, displayName, null, "vannes", SignedIn.RESPONDENT, true,
                Instant.parse("2026-01-05T09:00:00Z"), null, 3);
    }

    @Test
    void theNameIsReadOnceThenKeptForFiveMinutes() {
        query.answers.add(person("marie", "Marie Le Goff"));
        query.answers.add(person("marie", "Marie Le Goff-Tanguy"));

        assertThat(names.of(MARIE)).contains("Marie Le Goff");
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(names.of(MARIE)).contains("Marie Le Goff");
        assertThat(query.calls).isEqualTo(1);

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(names.of(MARIE)).contains("Marie Le Goff-Tanguy");
        assertThat(query.calls).isEqualTo(2);
    }

    @Test
    void withoutADisplayNameTheUsernameIsShown() {
        query.answers.add(person("marie", null));

        assertThat(names.of(MARIE)).contains("marie");
    }

    @Test
    void aReadThatFailsGivesNoNameAndIsTriedAgainOnTheNextPage() {
        query.answers.add(new ApiProblem(503, "Service Unavailable", null, null));
        query.answers.add(person("marie", "Marie Le Goff"));

        assertThat(names.of(MARIE)).isEmpty();
        assertThat(names.of(MARIE)).contains("Marie Le Goff");
        assertThat(query.calls).isEqualTo(2);
    }

    @Test
    void aForgottenNameIsNotShownAgainFromMemory() {
        query.answers.add(person("marie", "Marie Le Goff"));
        query.answers.add(new ApiProblem(401, "Unauthorized", null, null));

        assertThat(names.of(MARIE)).contains("Marie Le Goff");
        names.forget(MARIE.personId());

        assertThat(names.of(MARIE)).isEmpty();
    }
}
