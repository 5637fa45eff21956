package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.barometer.command.testing.Http;

/**
 * Each kind of bad input: a problem+json whose errors name the field, and nothing stored. A bad request
 * changes nothing (DESIGN §6).
 */
class BadInputApiTest extends ApiTest {

    @Test
    void anUnknownJsonFieldIsRefused() {
        Respondent r = started();
        long before = eventCount();
        Map<String, Object> body = educationProject(newProject());
        body.put("priority", "high");
        assertProblem(declare(r, body), 400, "priority");
        assertProblem(http.put(r.path() + "/projects/" + newProject() + "/governance", r.token(),
                Map.of("measure", 2, "budget", 100)), 400, "budget");
        assertProblem(http.post("/api/campaigns", admin, Map.of("campaign", unique("c"), "year", 2014, "title", "T",
                "opensAt", OPENS_2014, "closesAt", CLOSES_2014, "questionnaire", "bvn-2014", "colour", "blue")), 400,
                "colour");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aFieldOfAnotherRouteIsRefused() {
        // The path gives campaign, collectivité and project; the body may not restate them.
        Respondent r = started();
        long before = eventCount();
        Map<String, Object> body = educationProject(newProject());
        body.put("campaign", r.campaign());
        assertProblem(declare(r, body), 400, "campaign");
        String id = registerCollectivite();
        long afterRegistration = eventCount();
        assertProblem(send("PATCH", "/api/collectivites/" + id, admin,
                Map.of("collectivite", "elsewhere", "name", "X", "reason", "r"), Map.of()), 400, "collectivite");
        assertProblem(send("PATCH", "/api/collectivites/" + id, admin,
                Map.of("at", "2014-01-01T00:00:00Z", "name", "X", "reason", "r"), Map.of()), 400, "at");
        assertThat(eventCount()).isEqualTo(afterRegistration);
        assertThat(afterRegistration).isEqualTo(before + 1);
    }

    @Test
    void aWrongEnumValueIsRefused() {
        Respondent r = started();
        String p = newProject();
        assertThat(declare(r, educationProject(p)).status()).isEqualTo(201);
        long before = eventCount();
        assertProblem(http.put(r.path() + "/projects/" + p + "/progress", r.token(), Map.of("status", "FINISHED")), 400,
                "status");
        assertProblem(http.put(r.path() + "/projects/" + p + "/governance", r.token(),
                Map.of("managementMode", "OUTSOURCED")), 400, "managementMode");
        assertProblem(http.put(r.path() + "/actors/co_construction_city_citizens", r.token(), Map.of("level", "MAYBE")),
                400, "level");
        assertProblem(http.put(r.path() + "/profile", r.token(), Map.of("role", "MAYOR", "worksInDigital", true)), 400,
                "role");
        assertProblem(http.put(r.path() + "/motivations", r.token(), Map.of("ranking",
                java.util.List.of("SERVICE_QUALITY", "FUN", "EXEMPLARITY", "ATTRACTIVENESS", "BUDGET_EFFICIENCY"))), 400,
                "ranking[1]");
        Map<String, Object> collectivite = collectivite(unique("coll"), 1000);
        collectivite.put("kind", "VILLAGE");
        assertProblem(http.post("/api/collectivites", admin, collectivite), 400, "kind");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aMissingFieldIsRefused() {
        Respondent r = started();
        String p = newProject();
        assertThat(declare(r, educationProject(p)).status()).isEqualTo(201);
        long before = eventCount();
        assertProblem(http.put(r.path() + "/projects/" + p + "/progress", r.token(), Map.of()), 400, "status");
        assertProblem(http.put(r.path() + "/profile", r.token(), Map.of("role", "ELECTED")), 400, "worksInDigital");
        assertProblem(declare(r, Map.of("domain", "education", "catalogueItem", "open_data")), 400, "project");
        assertProblem(http.put(r.path() + "/actors/co_construction_city_citizens", r.token(), Map.of()), 400, "level");
        assertProblem(http.put("/api/campaigns/" + r.campaign() + "/deadline", admin, Map.of()), 400, "closesAt");
        assertProblem(http.post("/api/campaigns", admin, Map.of("campaign", unique("c"), "year", 2014, "title", "T",
                "opensAt", OPENS_2014, "questionnaire", "bvn-2014")), 400, "closesAt");
        Map<String, Object> noRegion = collectivite(unique("coll"), 1000);
        noRegion.remove("region");
        assertProblem(http.post("/api/collectivites", admin, noRegion), 400, "region");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        Respondent r = started();
        long before = eventCount();
        assertProblem(http.put(r.path() + "/profile", r.token(), Map.of("role", "ELECTED", "worksInDigital", "yes")), 400,
                "worksInDigital");
        assertProblem(http.put("/api/campaigns/" + r.campaign() + "/deadline", admin, Map.of("closesAt", "next week")),
                400, "closesAt");
        assertProblem(send("PATCH", "/api/collectivites/" + r.collectivite(), admin,
                Map.of("population", "many", "reason", "r"), Map.of()), 400, "population");
        // No silent guesses: a string for a boolean or a year, a fraction for a count.
        assertProblem(http.put(r.path() + "/profile", r.token(), Map.of("role", "ELECTED", "worksInDigital", "true")),
                400, "worksInDigital");
        assertProblem(http.post("/api/campaigns", admin, Map.of("campaign", unique("c"), "year", "2014", "title", "T",
                "opensAt", OPENS_2014, "closesAt", CLOSES_2014, "questionnaire", "bvn-2014")), 400, "year");
        Map<String, Object> fractional = collectivite(unique("coll"), null);
        fractional.put("population", 60000.5);
        assertProblem(http.post("/api/collectivites", admin, fractional), 400, "population");
        assertProblem(http.put(r.path() + "/projects/" + newProject() + "/governance", r.token(),
                Map.of("measure", 2.5)), 400, "measure");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsRefused() {
        Respondent r = started();
        long before = eventCount();
        assertProblem(send("POST", r.path() + "/projects", r.token(), "{\"project\": \"x\", ", Map.of()), 400, "body");
        assertProblem(send("PUT", r.path() + "/profile", r.token(), "not json at all", Map.of()), 400, "body");
        assertProblem(send("PATCH", "/api/collectivites/" + r.collectivite(), admin, "[1, 2", Map.of()), 400, "body");
        assertProblem(send("PUT", r.path() + "/profile", r.token(), "",
                Map.of("Content-Type", "application/json")), 400, "body");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aFutureEffectiveInstantIsRefused() {
        Respondent r = started();
        long before = eventCount();
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        assertProblem(send("POST", r.path() + "/projects", admin, educationProject(newProject()),
                headers("X-Effective-At", tomorrow)), 400, "X-Effective-At");
        assertProblem(send("POST", r.path() + "/projects", admin, educationProject(newProject()),
                headers("X-Effective-At", "15/03/2014")), 400, "X-Effective-At");
        assertProblem(send("POST", r.path() + "/projects", admin, educationProject(newProject()),
                headers("X-Effective-At", "2014-03-15T10:00:00")), 400, "X-Effective-At");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anEntryOnBehalfOfARespondentNeedsAReason() {
        Respondent r = started();
        long before = eventCount();
        assertProblem(send("POST", r.path() + "/projects", admin, educationProject(newProject()),
                headers("X-On-Behalf-Of", r.collectivite())), 400, "X-Change-Reason");
        assertProblem(send("POST", r.path() + "/projects", admin, educationProject(newProject()),
                headers("X-On-Behalf-Of", r.collectivite(), "X-Change-Reason", "   ")), 400, "X-Change-Reason");
        assertProblem(send("POST", r.path() + "/projects", admin, educationProject(newProject()),
                headers("X-On-Behalf-Of", "another-city", "X-Change-Reason", "papier")), 400, "X-On-Behalf-Of");
        assertProblem(send("PUT", r.path() + "/profile", admin, Map.of("role", "ELECTED", "worksInDigital", true),
                headers("X-Change-Reason", "x".repeat(501))), 400, "X-Change-Reason");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        Respondent r = started();
        long before = eventCount();
        Map<String, Object> body = educationProject(newProject());
        body.put("label", "x".repeat(1_100_000));
        body.remove("catalogueItem");
        assertProblem(declare(r, body), 413, "body");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWith413() throws Exception {
        Respondent r = started();
        long before = eventCount();
        String label = "x".repeat(1_100_000);
        String json = "{\"project\":\"" + newProject() + "\",\"domain\":\"education\",\"label\":\"" + label + "\"}";
        HttpResponse<String> reply = chunked("POST", r.path() + "/projects", r.token(), json, "application/json");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(413);
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(read(reply.body()).path("errors").findValuesAsText("field")).contains("body");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aSmallChunkedBodyIsAccepted() throws Exception {
        // A client that streams its body (no Content-Length) is not refused for the size it might have had.
        Respondent r = started();
        String p = newProject();
        String json = "{\"project\":\"" + p + "\",\"domain\":\"education\",\"catalogueItem\":\"classroom_wifi\"}";
        HttpResponse<String> reply = chunked("POST", r.path() + "/projects", r.token(), json, "application/json");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(last(r.responseId()).payload().path("catalogueItem").asText()).isEqualTo("classroom_wifi");
    }

    @Test
    void anOverlongTextIsRefusedByTheRules() {
        Respondent r = started();
        long before = eventCount();
        Map<String, Object> body = new HashMap<>(Map.of("project", newProject(), "domain", "education",
                "label", "y".repeat(301)));
        assertProblem(declare(r, body), 422, "label");
        assertProblem(http.put(r.path() + "/profile", r.token(), Map.of("role", "ELECTED", "worksInDigital", true,
                "organisation", "z".repeat(501))), 422, "organisation");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aWrongContentTypeIsRefused() {
        Respondent r = started();
        long before = eventCount();
        Http.Reply reply = send("PUT", r.path() + "/profile", r.token(), "role=ELECTED",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertProblem(reply, 415, "Content-Type");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unknownRoutesAndMethodsKeepTheirStatusAsProblems() {
        assertProblem(http.get("/api/campaigns/x/nothing-here", admin), 404, null);
        Http.Reply wrongMethod = http.get("/api/campaigns", admin);
        assertProblem(wrongMethod, 405, null);
        assertThat(wrongMethod.header("Allow")).contains("POST");
    }

    /** A request whose body length is not announced (Transfer-Encoding: chunked). */
    HttpResponse<String> chunked(String method, String path, String token, String body, String contentType)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + path))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token)
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
