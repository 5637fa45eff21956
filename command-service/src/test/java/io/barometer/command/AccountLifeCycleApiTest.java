package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import io.barometer.command.testing.Http;

/** DESIGN §11, accounts have a life cycle: disabled and enabled by an admin, throttled sign-ins, own passwords. */
class AccountLifeCycleApiTest extends ApiTest {

    /** Tokens are refused within this of a change, by every service (RevokedTokens reads them every 15 s). */
    static final Duration WITHIN = Duration.ofSeconds(60);

    @Autowired
    Environment environment;

    Http.Reply signIn(String username, String password) {
        return http.post("/api/auth/token", null, Map.of("username", username, "password", password));
    }

    Http.Reply setEnabled(String username, boolean enabled, String reason) {
        return send("PATCH", "/api/users/" + username, admin, Map.of("enabled", enabled, "reason", reason), Map.of());
    }

    @Test
    void aDisabledAccountCannotSignInAndItsTokensAreRefusedEvenOnceEnabledAgain() {
        String username = newAccount("ANALYST", null);
        String token = login(username);
        assertThat(http.put("/api/campaigns/x/responses/y/profile", token, Map.of()).status()).isEqualTo(403);

        Http.Reply disabled = setEnabled(username, false, "A quitté la collectivité");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().path("changed").asBoolean()).isTrue();
        assertThat(setEnabled(username, false, "encore").json().path("changed").asBoolean()).isFalse();
        var change = jdbc.sql("SELECT change, changed_by, reason FROM account_change WHERE person_id = ?::uuid")
                .param(personId(username)).query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3)).list();
        assertThat(change).containsExactly("DISABLED/" + personId(ADMIN) + "/A quitté la collectivité");

        Http.Reply refused = signIn(username, username + "-password-1");
        Http.Reply wrong = signIn(newAccount("ANALYST", null), "not-the-password");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(wrong.body());
        // Whatever the token was remembered as, its account's standing is read again within the minute.
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> http.put("/api/campaigns/x/responses/y/profile", token, Map.of()).status() == 401);

        assertThat(setEnabled(username, true, "Revenu").status()).isEqualTo(200);
        String again = login(username);
        // A service that read the account while it was disabled accepts its new tokens at its next reading.
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> http.put("/api/campaigns/x/responses/y/profile", again, Map.of()).status() == 403);
        assertThat(http.put("/api/campaigns/x/responses/y/profile", token, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void theAdminsListSaysWhichAccountsAreDisabled() {
        String collectivite = registerCollectivite();
        String kept = newAccount("RESPONDENT", collectivite);
        String gone = newAccount("RESPONDENT", collectivite);
        assertThat(setEnabled(gone, false, "A quitté la collectivité").status()).isEqualTo(200);
        var items = http.get("/api/users?collectivite=" + collectivite, admin).json().path("items");
        java.util.Map<String, Boolean> enabled = new java.util.TreeMap<>();
        items.forEach(a -> enabled.put(a.path("username").asText(), a.path("enabled").asBoolean()));
        assertThat(enabled).isEqualTo(java.util.Map.of(kept, true, gone, false));
    }

    @Test
    void onlyAnAdminDisablesAccountsAndNeverTheirOwnNorWithoutAReason() {
        String username = newAccount("RESPONDENT", registerCollectivite());
        assertProblem(send("PATCH", "/api/users/" + username, login(newAccount("ANALYST", null)),
                Map.of("enabled", false, "reason", "r"), Map.of()), 403, null);
        assertProblem(send("PATCH", "/api/users/" + username, admin, Map.of("enabled", false), Map.of()), 400, "reason");
        assertProblem(send("PATCH", "/api/users/" + username, admin, Map.of("enabled", "false", "reason", "r"), Map.of()),
                400, "enabled");
        assertProblem(setEnabled(ADMIN, false, "oups"), 409, "enabled");
        assertProblem(setEnabled(unique("nobody"), false, "r"), 404, "user");
        assertProblem(setEnabled("00000000-0000-0000-0000-000000000000", false, "r"), 404, "user");
        // An account is named in a URL by its person's id, which a proxy's access log may keep without harm.
        String id = personId(username);
        Http.Reply byId = setEnabled(id, false, "Absent");
        assertThat(byId.status()).as(byId.body()).isEqualTo(200);
        assertThat(byId.json().path("username").asText()).isEqualTo(username);
        Http.Reply one = http.get("/api/users/" + id, admin);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().path("personId").asText()).isEqualTo(id);
        assertThat(one.json().path("username").asText()).isEqualTo(username);
        assertThat(one.json().path("enabled").asBoolean()).isFalse();
        assertThat(one.body()).doesNotContain("password");
        assertThat(http.get("/api/users/" + username, admin).json().path("personId").asText()).isEqualTo(id);
        assertProblem(http.get("/api/users/" + unique("nobody"), admin), 404, "user");
        assertThat(setEnabled(id, true, "Revenu").status()).isEqualTo(200);
        assertThat(signIn(username, username + "-password-1").status()).isEqualTo(200);
    }

    @Test
    void anUnknownUsernameAndAWrongPasswordGetTheSameAnswer() {
        String username = newAccount("ANALYST", null);
        Http.Reply wrong = signIn(username, "not-the-password");
        Http.Reply unknown = signIn(unique("nobody"), "not-the-password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(unknown.header("Content-Type")).isEqualTo(wrong.header("Content-Type"));
    }

    @Test
    void fiveFailuresForAUsernameIn15MinutesAre429WithRetryAfterOnEveryInstance() {
        String username = newAccount("ANALYST", null);
        String other = newAccount("ANALYST", null);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(username, "guess-" + i).status()).isEqualTo(401);
        }
        Http.Reply throttled = signIn(username, username + "-password-1");
        assertProblem(throttled, 429, null);
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertThat(retryAfter).isBetween(800L, 900L);
        // An unknown username is counted the same way: the throttle tells nothing about which exist.
        String nobody = unique("nobody");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(nobody, "guess-" + i).status()).isEqualTo(401);
        }
        assertThat(signIn(nobody, "guess").status()).isEqualTo(429);
        assertThat(signIn(other, other + "-password-1").status()).isEqualTo(200);

        // Another command-service on the same database counts the same failures.
        String url = environment.getProperty("spring.datasource.url");
        try (ConfigurableApplicationContext second = CommandServiceApplication.start(RestartTest.args(url))) {
            Http secondHttp = RestartTest.http(second);
            Http.Reply there = secondHttp.post("/api/auth/token", null,
                    Map.of("username", username, "password", username + "-password-1"));
            assertThat(there.status()).isEqualTo(429);
            assertThat(there.header("Retry-After")).isNotBlank();
        }
        // Once the oldest failures leave the window, the right password works again.
        // Counted by the username's hash: the table keeps no handle.
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE username_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")
                .param(username).query(Long.class).single()).isEqualTo(5);
        jdbc.sql("UPDATE sign_in_failure SET failed_at = failed_at - interval '15 minutes' WHERE username_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")
                .param(username).update();
        assertThat(signIn(username, username + "-password-1").status()).isEqualTo(200);
    }

    @Test
    void aPersonChangesTheirOwnPasswordAndTheTokensOfTheOldOneAreRefused() {
        String username = newAccount("RESPONDENT", registerCollectivite());
        String token = login(username);
        Http.Reply wrongCurrent = send("PUT", "/api/users/me/password", token,
                Map.of("currentPassword", "not-it-at-all", "newPassword", "a-new-long-enough-password"), Map.of());
        assertProblem(wrongCurrent, 422, "currentPassword");
        assertProblem(send("PUT", "/api/users/me/password", token,
                Map.of("currentPassword", username + "-password-1", "newPassword", "short"), Map.of()), 400, "newPassword");

        Http.Reply changed = send("PUT", "/api/users/me/password", token,
                Map.of("currentPassword", username + "-password-1", "newPassword", "a-new-long-enough-password"), Map.of());
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(signIn(username, username + "-password-1").status()).isEqualTo(401);
        String fresh = http.token(username, "a-new-long-enough-password");
        assertThat(http.put("/api/campaigns/x/responses/y/profile", fresh, Map.of()).status()).isNotEqualTo(401);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> http.put("/api/campaigns/x/responses/y/profile", token, Map.of()).status() == 401);
        assertThat(jdbc.sql("SELECT changed_by::text FROM account_change WHERE person_id = ?::uuid AND change = 'PASSWORD_CHANGED'")
                .param(personId(username)).query(String.class).list()).containsExactly(personId(username));
    }
}
