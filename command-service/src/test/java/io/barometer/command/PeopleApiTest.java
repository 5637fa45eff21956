package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.barometer.command.testing.Http;

/** Issue 23: an admin erases a person; their name goes from the one table that held it, their changes stay. */
class PeopleApiTest extends ApiTest {

    Http.Reply erase(String id, String token, Object body) {
        return http.post("/api/people/" + id + "/erasure", token, body);
    }

    @Test
    void anErasedPersonKeepsTheirChangesButLosesTheirNameAndAccount() {
        Respondent r = started();
        String id = personId(r.username());
        jdbc.sql("UPDATE person SET display_name = 'Marie Le Goff', email = 'marie.legoff@example.fr' WHERE id = ?::uuid")
                .param(id).update();
        assertThat(declare(r, educationProject(newProject())).status()).isEqualTo(201);
        // A failed sign-in of theirs is forgotten with them.
        assertThat(http.post("/api/auth/token", null, Map.of("username", r.username(), "password", "wrong-guess")).status())
                .isEqualTo(401);
        long events = eventCount();
        String metaBefore = jdbc.sql("SELECT string_agg(convert_from(meta_data, 'UTF8'), '|' ORDER BY global_index) "
                + "FROM domain_event_entry WHERE aggregate_identifier = ?").param(r.responseId()).query(String.class).single();

        Http.Reply erased = erase(id, admin, Map.of("reason", "Demande d'effacement reçue le 3 décembre"));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("personId").asText()).isEqualTo(id);
        assertThat(erased.json().path("erasedBy").asText()).isEqualTo(personId(ADMIN));

        var row = jdbc.sql("SELECT username, display_name, email, erased_by::text, erasure_reason FROM person WHERE id = ?::uuid")
                .param(id).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)}).single();
        assertThat(row).containsExactly(null, null, null, personId(ADMIN), "Demande d'effacement reçue le 3 décembre");
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE username_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")
                .param(r.username()).query(Long.class).single()).isZero();
        // Events are never rewritten: the same ones, naming the same id.
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.sql("SELECT string_agg(convert_from(meta_data, 'UTF8'), '|' ORDER BY global_index) "
                + "FROM domain_event_entry WHERE aggregate_identifier = ?").param(r.responseId()).query(String.class).single())
                .isEqualTo(metaBefore).contains("\"userId\":\"" + id + "\"");

        // The account is closed: no sign-in, no token, no list, no re-enabling.
        assertThat(http.post("/api/auth/token", null, Map.of("username", r.username(), "password", r.username() + "-password-1"))
                .status()).isEqualTo(401);
        await().atMost(AccountLifeCycleApiTest.WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> http.put(r.path() + "/profile", r.token(), Map.of("role", "ELECTED", "worksInDigital", true))
                        .status() == 401);
        assertThat(http.get("/api/users?collectivite=" + r.collectivite(), admin).json().path("total").asLong()).isZero();
        assertProblem(send("PATCH", "/api/users/" + r.username(), admin, Map.of("enabled", true, "reason", "r"), Map.of()),
                404, "user");
        assertThat(jdbc.sql("SELECT change FROM account_change WHERE person_id = ?::uuid").param(id).query(String.class).list())
                .containsExactly("CLOSED");

        // Erasing again answers the first erasure.
        Http.Reply again = erase(id, admin, Map.of("reason", "encore"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("erasedAt").asText()).isEqualTo(erased.json().path("erasedAt").asText());

        // The handle is free again: whoever takes it is another person.
        assertThat(createUser(r.username(), "RESPONDENT", r.collectivite()).status()).isEqualTo(201);
        assertThat(personId(r.username())).isNotEqualTo(id);
    }

    @Test
    void aBadErasureIsRefusedByItsFieldAndChangesNothing() {
        String username = newAccount("ANALYST", null);
        String id = personId(username);
        assertProblem(erase("not-a-uuid", admin, Map.of("reason", "r")), 400, "id");
        assertProblem(erase(id, admin, Map.of()), 400, "reason");
        assertProblem(erase(id, admin, Map.of("reason", "x".repeat(501))), 400, "reason");
        assertProblem(erase("00000000-0000-0000-0000-000000000000", admin, Map.of("reason", "r")), 404, "id");
        assertProblem(erase(personId(ADMIN), admin, Map.of("reason", "r")), 409, "id");
        assertThat(erase(id, login(newAccount("ANALYST", null)), Map.of("reason", "r")).status()).isEqualTo(403);
        assertThat(erase(id, null, Map.of("reason", "r")).status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT username FROM person WHERE id = ?::uuid").param(id).query(String.class).single())
                .isEqualTo(username);
        assertThat(http.post("/api/auth/token", null, Map.of("username", username, "password", username + "-password-1"))
                .status()).isEqualTo(200);
    }

    @Test
    void anAccountGivenToAPersonKnownFromImportsMakesThemOnePerson() {
        String handle = unique("yann.kerbrat");
        String collectivite = registerCollectivite();
        String campaign = openCampaign("bvn-2014");
        String line = "{\"op\":\"startResponse\",\"at\":\"2014-01-05T10:00:00+01:00\",\"by\":\"" + handle
                + "\",\"campaign\":\"" + campaign + "\",\"collectivite\":\"" + collectivite + "\"}\n";
        assertThat(send("POST", "/api/import", admin, line, headers("Content-Type", "application/x-ndjson")).status())
                .isEqualTo(200);
        String imported = personId(handle);

        Http.Reply created = createUser(handle, "RESPONDENT", collectivite);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("personId").asText()).isEqualTo(imported);
        assertThat(createUser(handle, "RESPONDENT", collectivite).status()).isEqualTo(409);
    }
}
