package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.barometer.command.testing.Http;
import io.barometer.query.testing.AnswerLog;
import io.barometer.query.testing.ServicesTest;

/** Who may read what: every query-service endpoint against no token, a forged one and each role. */
class AccessTest extends ServicesTest {

    private static String campaign;
    private static String mine;
    private static String theirs;
    private static String respondent;
    private static String analyst;

    @BeforeEach
    void campaignWithTwoRespondents() {
        if (campaign != null) {
            return;
        }
        campaign = unique("access");
        mine = unique("rennes");
        theirs = unique("brest");
        importLog(twoResponses(campaign, mine, theirs));
        respondent = user(unique("rennes.dsi"), "RESPONDENT", mine);
        analyst = user(unique("analyst"), "ANALYST", null);
        awaitProjections();
    }

    /** A campaign in which {@code mine} declared a project and {@code theirs} only started, as an answer log. */
    static String twoResponses(String campaign, String mine, String theirs) {
        return CutOffTest.campaign(campaign, mine, theirs)
                .start(campaign, mine, CutOffTest.days(-5))
                .declare(campaign, mine, UUID.randomUUID().toString(), "education", "classroom_wifi", "DONE",
                        CutOffTest.days(-4))
                .start(campaign, theirs, CutOffTest.days(-3))
                .ndjson();
    }

    List<String> everyRead() {
        return List.of("/api/campaigns", "/api/campaigns/" + campaign, "/api/campaigns/" + campaign + "/responses/" + mine,
                "/api/campaigns/" + campaign + "/synthesis", "/api/admin/replay", "/api/people/me", "/api/people");
    }

    @Test
    void withoutAValidTokenEveryEndpointAnswers401() throws Exception {
        String forged = forgedAdminToken();
        for (String path : everyRead()) {
            for (String token : new String[] {null, forged, "not-a-jwt"}) {
                Http.Reply reply = query.get(path, token);
                assertThat(reply.status()).as(path).isEqualTo(401);
                assertThat(reply.header("Content-Type")).as(path).contains("application/problem+json");
            }
        }
        assertThat(query.post("/api/admin/replay", null, null).status()).isEqualTo(401);
    }

    @Test
    void aRespondentReadsCampaignsAndItsOwnResponseOnly() {
        assertThat(query.get("/api/campaigns", respondent).status()).isEqualTo(200);
        assertThat(query.get("/api/campaigns/" + campaign, respondent).status()).isEqualTo(200);
        Http.Reply own = query.get("/api/campaigns/" + campaign + "/responses/" + mine, respondent);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("projects")).hasSize(1);
        for (String other : List.of(theirs, unique("nowhere"))) {
            Http.Reply refused = query.get("/api/campaigns/" + campaign + "/responses/" + other, respondent);
            assertThat(refused.status()).as(other).isEqualTo(403);
            assertThat(refused.header("Content-Type")).contains("application/problem+json");
        }
        assertThat(query.get("/api/campaigns/" + campaign + "/synthesis", respondent).status()).isEqualTo(403);
        assertThat(query.get("/api/people/me", respondent).status()).isEqualTo(200);
        assertThat(query.get("/api/people", respondent).status()).isEqualTo(403);
        assertThat(query.get("/api/admin/replay", respondent).status()).isEqualTo(403);
        assertThat(query.post("/api/admin/replay", respondent, null).status()).isEqualTo(403);
    }

    @Test
    void anAnalystReadsEveryResponseAndTheSynthesisButDoesNotReplay() {
        assertThat(query.get("/api/campaigns", analyst).status()).isEqualTo(200);
        assertThat(query.get("/api/campaigns/" + campaign + "/responses/" + theirs, analyst).status()).isEqualTo(200);
        Http.Reply synthesis = query.get("/api/campaigns/" + campaign + "/synthesis", analyst);
        assertThat(synthesis.status()).isEqualTo(200);
        assertThat(synthesis.json().at("/respondents/count").asInt()).isEqualTo(2);
        assertThat(query.get("/api/people/me", analyst).status()).isEqualTo(200);
        assertThat(query.get("/api/people", analyst).status()).isEqualTo(403);
        assertThat(query.get("/api/admin/replay", analyst).status()).isEqualTo(403);
        assertThat(query.post("/api/admin/replay", analyst, null).status()).isEqualTo(403);
    }

    @Test
    void anAdminReadsEverything() {
        for (String path : everyRead()) {
            assertThat(query.get(path, admin).status()).as(path).isEqualTo(200);
        }
        Http.Reply detail = query.get("/api/campaigns/" + campaign + "?asOf=closing", admin);
        assertThat(detail.json().at("/counts/respondents").asInt()).isEqualTo(2);
        assertThat(detail.json().at("/counts/projects").asInt()).isEqualTo(1);
        assertThat(detail.json().at("/definition/id").asText()).isEqualTo("bvn-2014");
        assertThat(detail.json().at("/definition/domains")).hasSize(10);
        // The definition alone, for the web's pages: the same campaign, no counting.
        Http.Reply definition = query.get("/api/campaigns/" + campaign + "?asOf=closing&counts=false", admin);
        assertThat(definition.json().get("counts").isNull()).isTrue();
        assertThat(definition.json().get("definition")).isEqualTo(detail.json().get("definition"));
        assertThat(definition.json().get("closesAt")).isEqualTo(detail.json().get("closesAt"));
        Http.Reply wrong = query.get("/api/campaigns/" + campaign + "?counts=perhaps", admin);
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        assertThat(wrong.json().at("/errors/0/field").asText()).isEqualTo("counts");
        Http.Reply list = query.get("/api/campaigns?asOf=" + CutOffTest.days(-4.5), admin);
        boolean found = false;
        for (var c : list.json()) {
            if (c.get("campaign").asText().equals(campaign)) {
                found = true;
                assertThat(c.at("/counts/respondents").asInt()).isEqualTo(1);
                assertThat(c.at("/counts/projects").asInt()).isZero();
            }
        }
        assertThat(found).isTrue();
        assertThat(query.get("/api/campaigns/" + unique("none"), admin).status()).isEqualTo(404);
    }

    @Test
    void healthMetricsAndApiDocsArePublic() {
        assertThat(query.get("/actuator/health", null).status()).isEqualTo(200);
        Http.Reply metrics = query.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("barometer_projection_lag_events{", "processor=\"history\"");
        assertThat(query.get("/v3/api-docs", null).status()).isEqualTo(200);
        assertThat(query.get("/actuator/metrics", analyst).status()).isEqualTo(403);
    }

    @Test
    void aDisabledAccountsTokenIsRefusedByQueryServiceWithinAMinute() {
        String username = unique("analyst");
        String token = user(username, "ANALYST", null);
        assertThat(query.get("/api/campaigns", token).status()).isEqualTo(200);
        Http.Reply disabled = command.send("PATCH", "/api/users/" + username, admin,
                java.util.Map.of("enabled", false, "reason", "Compte partagé par erreur"), java.util.Map.of());
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        // Read from the account table both services share: no call between them, whatever either remembered.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> query.get("/api/campaigns", token).status() == 401);
        assertThat(query.get("/api/campaigns", token).header("Content-Type")).contains("application/problem+json");
    }

    /** Signed with another key: command-service never issued it. */
    private static String forgedAdminToken() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("mallory").claim("role", "ADMIN").expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build());
        jwt.sign(new MACSigner("another-secret-another-secret-0123456789".getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
