package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import io.barometer.command.testing.Http;

/** Who may call what: 401 without a valid token, 403 for a role or a collectivité that may not. */
class AccessApiTest extends ApiTest {

    record Call(String method, String path, Object body, Map<String, String> headers) {
        Call(String method, String path, Object body) {
            this(method, path, body, Map.of());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every write of a response, on the response at {@code base}. */
    static List<Call> answerCalls(String base, String project) {
        return List.of(
                new Call("PUT", base, null),
                new Call("PUT", base + "/profile", Map.of("role", "ELECTED", "worksInDigital", true)),
                new Call("POST", base + "/projects", educationProject(newProject())),
                new Call("PUT", base + "/projects/" + project + "/progress", Map.of("status", "DONE")),
                new Call("PUT", base + "/projects/" + project + "/governance", Map.of("measure", 2)),
                new Call("DELETE", base + "/projects/" + project, null),
                new Call("PUT", base + "/motivations", Map.of("ranking", ResponseApiTest.RANKING)),
                new Call("PUT", base + "/actors/co_construction_city_citizens", Map.of("level", "AGREE")),
                new Call("POST", base + "/submit", null),
                new Call("POST", base + "/reopen", null));
    }

    /** The admin-only routes. */
    static List<Call> adminCalls(String campaign, String collectivite) {
        return List.of(
                new Call("POST", "/api/campaigns", Map.of("campaign", unique("c"), "year", 2014, "title", "T",
                        "opensAt", OPENS_2014, "closesAt", CLOSES_2014, "questionnaire", "bvn-2014")),
                new Call("PUT", "/api/campaigns/" + campaign + "/deadline", Map.of("closesAt", "2014-05-01T00:00:00Z")),
                new Call("POST", "/api/collectivites", collectivite(unique("coll"), 1000)),
                new Call("PATCH", "/api/collectivites/" + collectivite, Map.of("population", 1, "reason", "r")),
                new Call("POST", "/api/users", Map.of("username", unique("u"), "password", "long-enough-password",
                        "role", "ANALYST")),
                new Call("GET", "/api/users?collectivite=" + collectivite, null),
                new Call("POST", "/api/import", "{\"op\":\"moveDeadline\",\"at\":\"2014-01-01T00:00:00Z\",\"by\":\"x\","
                        + "\"campaign\":\"" + campaign + "\",\"closesAt\":\"2014-05-01T00:00:00Z\"}",
                        Map.of("Content-Type", "application/x-ndjson")));
    }

    Http.Reply call(Call c, String token) {
        return send(c.method(), c.path(), token, c.body(), c.headers());
    }

    void assertAll(List<Call> calls, String token, int status) {
        for (Call c : calls) {
            Http.Reply reply = call(c, token);
            assertThat(reply.status()).as(c + ": " + reply.body()).isEqualTo(status);
            assertThat(reply.header("Content-Type")).as(c.toString()).startsWith("application/problem+json");
            assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        }
    }

    @Test
    void everyRouteNeedsAValidToken() {
        Respondent r = started();
        String p = newProject();
        assertThat(declare(r, educationProject(p)).status()).isEqualTo(201);
        List<Call> all = new ArrayList<>(answerCalls(r.path(), p));
        all.addAll(adminCalls(r.campaign(), r.collectivite()));
        long before = eventCount();

        assertAll(all, null, 401);
        assertAll(all, "not-a-jwt", 401);
        assertAll(all, forged(), 401);
        assertAll(all, expired(), 401);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anAnalystWritesNothing() {
        Respondent r = started();
        String p = newProject();
        assertThat(declare(r, educationProject(p)).status()).isEqualTo(201);
        List<Call> all = new ArrayList<>(answerCalls(r.path(), p));
        all.addAll(adminCalls(r.campaign(), r.collectivite()));
        String analyst = analystToken();
        long before = eventCount();

        assertAll(all, analyst, 403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aRespondentMayNotUseTheAdminRoutes() {
        Respondent r = started();
        long before = eventCount();
        assertAll(adminCalls(r.campaign(), r.collectivite()), r.token(), 403);
        assertProblem(http.post(r.path() + "/reopen", r.token(), null), 403, null);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aRespondentWritesOnlyItsOwnCollectivitesResponse() {
        Respondent mine = started();
        Respondent other = started();
        String p = newProject();
        assertThat(declare(other, educationProject(p)).status()).isEqualTo(201);
        long before = eventCount();

        List<Call> calls = answerCalls(other.path(), p).stream().filter(c -> !c.path().endsWith("/reopen")).toList();
        assertAll(calls, mine.token(), 403);
        // Nor the other collectivité's response in the respondent's own campaign.
        assertAll(answerCalls("/api/campaigns/" + mine.campaign() + "/responses/" + other.collectivite(), p)
                .subList(0, 3), mine.token(), 403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anAdminMayWriteAnyResponse() {
        Respondent r = respondent("bvn-2014");
        Http.Reply start = http.put(r.path(), admin, null);
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        Http.Reply declared = declare(new Respondent(r.campaign(), r.collectivite(), ADMIN, admin),
                educationProject(newProject()));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        assertThat(last(r.responseId()).metaData().path("userId").asText()).isEqualTo(personId(ADMIN));
    }

    @Test
    void onlyAnAdminMayStateAnInstantOrActOnBehalfOfARespondent() {
        Respondent r = started();
        long before = eventCount();
        assertProblem(send("POST", r.path() + "/projects", r.token(), educationProject(newProject()),
                headers("X-Effective-At", "2014-02-01T10:00:00Z")), 403, null);
        assertProblem(send("POST", r.path() + "/projects", r.token(), educationProject(newProject()),
                headers("X-On-Behalf-Of", r.collectivite(), "X-Change-Reason", "moi-même")), 403, null);
        assertProblem(send("POST", "/api/campaigns/" + r.campaign() + "/responses/" + r.collectivite() + "/submit",
                r.token(), null, headers("X-Effective-At", "2014-02-01T10:00:00Z")), 403, null);
        assertThat(eventCount()).isEqualTo(before);

        // Anyone may say why.
        Http.Reply withReason = send("PUT", r.path() + "/profile", r.token(),
                Map.of("role", "ADMIN_STAFF", "worksInDigital", true), headers("X-Change-Reason", "nouveau DSI"));
        assertThat(withReason.status()).as(withReason.body()).isEqualTo(200);
        var meta = last(r.responseId()).metaData();
        assertThat(meta.path("reason").asText()).isEqualTo("nouveau DSI");
        assertThat(meta.path("userId").asText()).isEqualTo(personId(r.username()));
        assertThat(meta.path("userRole").asText()).isEqualTo("RESPONDENT");
        assertThat(meta.has("onBehalfOf")).isFalse();
    }

    @Test
    void healthAndApiDocsArePublic() {
        Http.Reply health = http.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(health.json().has("details")).isFalse();

        Http.Reply docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/campaigns/{campaign}/responses/{collectivite}/projects")).isTrue();
        assertThat(docs.json().path("paths").has("/api/auth/token")).isTrue();

        assertThat(http.get("/swagger-ui.html", null).status()).isIn(200, 302);
        assertThat(http.get("/actuator/env", null).status()).isIn(401, 404);
        assertThat(http.get("/actuator/metrics", null).status()).isEqualTo(401);
    }

    /**
     * The route rules above are matched as path patterns, so the handler lookup Spring Security would
     * otherwise run before its chain on every request is a pass-through in this very context
     * (PathPatternRoutes); were the swap to stop applying, the rules would still hold but each request would
     * pay that lookup again.
     */
    @Test
    void noHandlerLookupRunsBeforeTheSecurityChain(@Autowired ApplicationContext context) throws Exception {
        HandlerMappingIntrospector introspector = context.getBean("mvcHandlerMappingIntrospector",
                HandlerMappingIntrospector.class);
        assertThat(introspector.getClass()).isNotEqualTo(HandlerMappingIntrospector.class);
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/campaigns/c/responses/r/submit");
        List<String> seen = new ArrayList<>();
        introspector.createCacheFilter().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.addAll(java.util.Collections.list(req.getAttributeNames())));
        assertThat(seen).isEmpty();
    }

    /** A well-formed token signed with a key that is not the service's. */
    static String forged() {
        return sign("{\"alg\":\"HS256\"}", "{\"sub\":\"admin\",\"role\":\"ADMIN\",\"exp\":4102444800}",
                "another-secret-another-secret-0123456789");
    }

    /** A token signed with the right key whose validity ended long ago. */
    static String expired() {
        return sign("{\"alg\":\"HS256\"}", "{\"sub\":\"admin\",\"role\":\"ADMIN\",\"iat\":1388534400,\"exp\":1388538000}",
                JWT_SECRET);
    }

    static String sign(String header, String claims, String secret) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return unsigned + "." + b64.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
