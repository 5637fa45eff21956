package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.command.testing.Http;

/** POST /api/auth/token, POST /api/users and GET /api/users. */
class AuthenticationApiTest extends ApiTest {

    static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        return read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    @Test
    void validCredentialsGiveASignedTokenWithTheRole() {
        Http.Reply reply = http.post("/api/auth/token", null, Map.of("username", ADMIN, "password", ADMIN_PASSWORD));
        assertThat(reply.status()).isEqualTo(200);
        String token = reply.json().path("token").asText();
        Instant expiresAt = Instant.parse(reply.json().path("expiresAt").asText());
        assertThat(expiresAt).isCloseTo(Instant.now().plus(Duration.ofHours(12)), within(Duration.ofMinutes(5)));
        JsonNode claims = claims(token);
        // The token names its person by id only: no name travels in it.
        assertThat(claims.path("sub").asText()).isEqualTo(personId(ADMIN));
        assertThat(claims.path("role").asText()).isEqualTo("ADMIN");
        assertThat(claims.has("collectivite")).isFalse();
        assertThat(claims.path("exp").asLong()).isEqualTo(expiresAt.getEpochSecond());
        assertThat(token.split("\\.")[0]).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIs401WithTheSameAnswer() {
        Http.Reply wrong = http.post("/api/auth/token", null, Map.of("username", ADMIN, "password", "not-the-password"));
        assertProblem(wrong, 401, null);
        assertThat(wrong.json().has("token")).isFalse();
        Http.Reply unknown = http.post("/api/auth/token", null, Map.of("username", "nobody", "password", "whatever-123"));
        assertProblem(unknown, 401, null);
        assertThat(unknown.json().path("detail").asText()).isEqualTo(wrong.json().path("detail").asText());
    }

    @Test
    void aTokenRequestMustBeComplete() {
        assertProblem(http.post("/api/auth/token", null, Map.of("username", ADMIN)), 400, "password");
        assertProblem(http.post("/api/auth/token", null, Map.of("username", ADMIN, "password", ADMIN_PASSWORD,
                "remember", true)), 400, "remember");
        assertProblem(send("POST", "/api/auth/token", null, "{\"username\":", Map.of()), 400, "body");
    }

    @Test
    void anAdminCreatesARespondentBoundToAnExistingCollectivite() {
        String collectivite = registerCollectivite();
        String username = unique("dsi");
        Map<String, Object> body = Map.of("username", username, "password", "a-long-password-1", "role", "RESPONDENT",
                "collectiviteId", collectivite, "displayName", "Marie Dupont", "email", "marie.dupont@example.fr");
        Http.Reply created = http.post("/api/users", admin, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("username").asText()).isEqualTo(username);
        assertThat(created.json().path("role").asText()).isEqualTo("RESPONDENT");
        assertThat(created.json().path("collectiviteId").asText()).isEqualTo(collectivite);
        assertThat(created.json().path("displayName").asText()).isEqualTo("Marie Dupont");
        assertThat(created.json().path("personId").asText()).isEqualTo(personId(username));
        assertThat(created.body()).doesNotContain("a-long-password-1");

        // The account holds what signing in needs; the names live with the person, the one table an erasure clears.
        var row = jdbc.sql("""
                        SELECT a.password_hash, a.role, a.collectivite_id, p.display_name, a.created_by::text, p.email
                        FROM account a JOIN person p ON p.id = a.person_id WHERE p.username = ?
                        """)
                .param(username)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)})
                .single();
        assertThat(row[0]).startsWith("$2").doesNotContain("a-long-password-1");
        assertThat(row[1]).isEqualTo("RESPONDENT");
        assertThat(row[2]).isEqualTo(collectivite);
        assertThat(row[3]).isEqualTo("Marie Dupont");
        assertThat(row[4]).isEqualTo(personId(ADMIN));
        assertThat(row[5]).isEqualTo("marie.dupont@example.fr");

        JsonNode claims = claims(http.token(username, "a-long-password-1"));
        assertThat(claims.path("role").asText()).isEqualTo("RESPONDENT");
        assertThat(claims.path("collectivite").asText()).isEqualTo(collectivite);

        assertProblem(http.post("/api/users", admin, body), 409, "username");
    }

    @Test
    void aRespondentMustBeBoundToARegisteredCollectivite() {
        long accounts = accounts();
        assertProblem(http.post("/api/users", admin, Map.of("username", unique("x"), "password", "a-long-password-1",
                "role", "RESPONDENT", "collectiviteId", "atlantis")), 400, "collectiviteId");
        assertProblem(http.post("/api/users", admin, Map.of("username", unique("x"), "password", "a-long-password-1",
                "role", "RESPONDENT")), 400, "collectiviteId");
        assertProblem(http.post("/api/users", admin, Map.of("username", unique("x"), "password", "a-long-password-1",
                "role", "ANALYST", "collectiviteId", registerCollectivite())), 400, "collectiviteId");
        assertThat(accounts()).isEqualTo(accounts);
    }

    @Test
    void badAccountFieldsAreNamed() {
        long accounts = accounts();
        assertProblem(http.post("/api/users", admin, Map.of("username", unique("x"), "password", "short",
                "role", "ANALYST")), 400, "password");
        assertProblem(http.post("/api/users", admin, Map.of("username", "white space", "password", "a-long-password-1",
                "role", "ANALYST")), 400, "username");
        assertProblem(http.post("/api/users", admin, Map.of("username", unique("x"), "password", "a-long-password-1",
                "role", "SUPERUSER")), 400, "role");
        Map<String, Object> noRole = new HashMap<>(Map.of("username", unique("x"), "password", "a-long-password-1"));
        assertProblem(http.post("/api/users", admin, noRole), 400, "role");
        assertThat(accounts()).isEqualTo(accounts);
    }

    @Test
    void analystsAndAdminsCanBeCreatedAndLogIn() {
        String analyst = newAccount("ANALYST", null);
        assertThat(claims(login(analyst)).path("role").asText()).isEqualTo("ANALYST");
        String otherAdmin = newAccount("ADMIN", null);
        String token = login(otherAdmin);
        assertThat(claims(token).path("role").asText()).isEqualTo("ADMIN");
        assertThat(http.post("/api/collectivites", token, collectivite(unique("coll"), 10)).status()).isEqualTo(201);
    }

    @Test
    void anAdminListsTheAccountsFilteredByRoleOrCollectiviteWithoutSecrets() {
        String collectivite = registerCollectivite();
        String first = unique("a-dsi");
        String second = unique("b-dsi");
        for (String username : new String[] {second, first}) {
            assertThat(http.post("/api/users", admin, Map.of("username", username, "password", "a-long-password-1",
                    "role", "RESPONDENT", "collectiviteId", collectivite, "displayName", "DSI " + username))
                    .status()).isEqualTo(201);
        }
        String analyst = newAccount("ANALYST", null);

        Http.Reply theirs = http.get("/api/users?collectivite=" + collectivite, admin);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
        JsonNode items = theirs.json().path("items");
        assertThat(theirs.json().path("total").asLong()).isEqualTo(2);
        assertThat(items).hasSize(2);
        assertThat(items.path(0).path("username").asText()).isEqualTo(first);
        assertThat(items.path(0).path("role").asText()).isEqualTo("RESPONDENT");
        assertThat(items.path(0).path("collectiviteId").asText()).isEqualTo(collectivite);
        assertThat(items.path(0).path("displayName").asText()).isEqualTo("DSI " + first);
        assertThat(items.path(1).path("username").asText()).isEqualTo(second);
        assertThat(theirs.body()).doesNotContain("a-long-password-1").doesNotContain("$2").doesNotContainIgnoringCase("password");

        Http.Reply analysts = http.get("/api/users?role=ANALYST&size=500", admin);
        assertThat(analysts.status()).isEqualTo(200);
        assertThat(analysts.json().path("items").findValuesAsText("role")).containsOnly("ANALYST");
        assertThat(analysts.json().path("items").findValuesAsText("username")).contains(analyst);
        assertThat(analysts.json().path("total").asLong())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM account WHERE role = 'ANALYST'").query(Long.class).single());

        Http.Reply paged = http.get("/api/users?collectivite=" + collectivite + "&page=1&size=1", admin);
        assertThat(paged.json().path("items").findValuesAsText("username")).containsExactly(second);
        assertThat(paged.json().path("total").asLong()).isEqualTo(2);
    }

    @Test
    void aBadListFilterIsNamed() {
        assertProblem(http.get("/api/users?role=SUPERUSER", admin), 400, "role");
        assertProblem(http.get("/api/users?size=501", admin), 400, "size");
        assertProblem(http.get("/api/users?page=-1", admin), 400, "page");
    }

    long accounts() {
        return jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
    }
}
