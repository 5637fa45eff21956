package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.barometer.command.testing.Http;

/** Every answer endpoint over real HTTP: the reply, the ETag, and the event actually stored. */
class ResponseApiTest extends ApiTest {

    static final List<String> RANKING = List.of("ATTRACTIVENESS", "SERVICE_QUALITY", "BUDGET_EFFICIENCY",
            "SUSTAINABLE_DEVELOPMENT", "EXEMPLARITY");

    @Test
    void answersGoOutWholeWithTheirLength() {
        Respondent r = started();
        String p = newProject();
        assertWritten(declare(r, educationProject(p)), 201, 2, true);

        // A command's answer and a refusal: sent in one piece, their length known (WholeResponseFilter).
        Http.Reply written = http.put(r.path() + "/projects/" + p + "/progress", r.token(), Map.of("status", "DONE"));
        Http.Reply refused = http.put(r.path() + "/projects/" + p + "/progress", r.token(), Map.of("status", "NEARLY"));
        for (Http.Reply reply : List.of(written, refused)) {
            assertThat(reply.header("Transfer-Encoding")).isNull();
            assertThat(reply.header("Content-Length")).isEqualTo(
                    Integer.toString(reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        }
        assertThat(written.json().path("version").asLong()).isEqualTo(3);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("status").asInt()).isEqualTo(400);

        // Larger than Tomcat's buffer: still sent whole.
        Http.Reply docs = http.get("/v3/api-docs", null);
        assertThat(docs.body().length()).isGreaterThan(8192);
        assertThat(docs.json().path("paths").has("/api/campaigns/{campaign}/responses/{collectivite}/projects/{project}/progress"))
                .isTrue();
    }

    @Test
    void eachAnswerEndpointStoresOneEventAndReturnsTheNewVersion() {
        Respondent r = started();
        String p = newProject();

        Http.Reply profile = http.put(r.path() + "/profile", r.token(),
                Map.of("role", "ADMIN_STAFF", "worksInDigital", true, "organisation", "DSI"));
        assertWritten(profile, 200, 2, true);

        Http.Reply declared = declare(r, educationProject(p));
        assertWritten(declared, 201, 3, true);
        assertThat(declared.json().path("project").asText()).isEqualTo(p);

        assertWritten(http.put(r.path() + "/projects/" + p + "/progress", r.token(), Map.of("status", "DONE")), 200, 4,
                true);
        assertWritten(http.put(r.path() + "/projects/" + p + "/governance", r.token(), Map.of("measure", 3, "means", 2,
                "managementMode", "REGIE", "decisionMode", "CITIZEN_PARTICIPATION", "coordination", "DEDICATED_TEAM")),
                200, 5, true);
        assertWritten(http.put(r.path() + "/actors/co_construction_city_citizens", r.token(),
                Map.of("level", "STRONGLY_AGREE")), 200, 6, true);
        assertWritten(http.put(r.path() + "/motivations", r.token(), Map.of("ranking", RANKING, "definitions",
                Map.of("SUSTAINABLE_DEVELOPMENT", List.of("reduced_energy_consumption", "responsible_resource_management")))),
                200, 7, true);
        String p2 = newProject();
        assertWritten(declare(r, project(p2, "cross_cutting", "open_data", null)), 201, 8, true);
        assertWritten(send("DELETE", r.path() + "/projects/" + p2, r.token(), Map.of("reason", "Doublon"), Map.of()),
                200, 9, true);
        assertWritten(http.post(r.path() + "/submit", r.token(), null), 200, 10, true);
        assertWritten(http.post(r.path() + "/reopen", admin, null), 200, 11, true);

        List<StoredEvent> events = stored(r.responseId());
        assertThat(events).extracting(ApiTest::simpleType).containsExactly("ResponseStarted",
                "RespondentProfileAnswered", "ProjectDeclared", "ProgressUpdated", "GovernanceScored",
                "ActorStatementRated", "MotivationsRanked", "ProjectDeclared", "ProjectWithdrawn", "ResponseSubmitted",
                "ResponseReopened");
        assertThat(events.get(0).payload().path("questionnaireId").asText()).isEqualTo("bvn-2014");
        assertThat(events.get(1).payload().path("role").asText()).isEqualTo("ADMIN_STAFF");
        assertThat(events.get(1).payload().path("worksInDigital").asBoolean()).isTrue();
        assertThat(events.get(1).payload().path("organisation").asText()).isEqualTo("DSI");
        var declaredPayload = events.get(2).payload();
        assertThat(declaredPayload.path("projectId").asText()).isEqualTo(p);
        assertThat(declaredPayload.path("domain").asText()).isEqualTo("education");
        assertThat(declaredPayload.path("catalogueItem").asText()).isEqualTo("digital_equipment_in_schools");
        assertThat(declaredPayload.path("status").asText()).isEqualTo("STUDY");
        assertThat(events.get(3).payload().path("status").asText()).isEqualTo("DONE");
        var governance = events.get(4).payload().path("governance");
        assertThat(governance.path("measure").asInt()).isEqualTo(3);
        assertThat(governance.path("means").asInt()).isEqualTo(2);
        assertThat(governance.path("managementMode").asText()).isEqualTo("REGIE");
        assertThat(governance.path("decisionMode").asText()).isEqualTo("CITIZEN_PARTICIPATION");
        assertThat(governance.path("coordination").asText()).isEqualTo("DEDICATED_TEAM");
        assertThat(events.get(5).payload().path("statement").asText()).isEqualTo("co_construction_city_citizens");
        assertThat(events.get(5).payload().path("level").asText()).isEqualTo("STRONGLY_AGREE");
        assertThat(JSON.convertValue(events.get(6).payload().path("ranking"), List.class)).isEqualTo(RANKING);
        assertThat(JSON.convertValue(events.get(6).payload().path("definitions"), Map.class)).isEqualTo(
                Map.of("SUSTAINABLE_DEVELOPMENT", List.of("reduced_energy_consumption", "responsible_resource_management")));
        assertThat(events.get(7).payload().path("status").isNull()).isTrue();
        assertThat(events.get(8).payload().path("projectId").asText()).isEqualTo(p2);
        assertThat(events.get(8).payload().path("reason").asText()).isEqualTo("Doublon");
        assertThat(events.get(10).metaData().path("userRole").asText()).isEqualTo("ADMIN");
    }

    @Test
    void aWriteThatChangesNothingStoresNothingAndReturnsTheCurrentVersion() {
        Respondent r = started();
        String p = newProject();
        assertWritten(declare(r, educationProject(p)), 201, 2, true);
        long before = eventCount();

        assertWritten(http.put(r.path() + "/projects/" + p + "/progress", r.token(), Map.of("status", "STUDY")), 200, 2,
                false);
        assertWritten(http.put(r.path() + "/projects/" + p + "/governance", r.token(), Map.of()), 200, 2, false);
        assertWritten(http.put(r.path(), r.token(), null), 200, 2, false);
        assertWritten(http.post(r.path() + "/reopen", admin, null), 200, 2, false);

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void retryingAProjectDeclarationIsIdempotent() {
        Respondent r = started();
        String p = newProject();
        assertWritten(declare(r, educationProject(p)), 201, 2, true);
        long before = eventCount();

        Http.Reply retry = declare(r, educationProject(p));
        assertWritten(retry, 200, 2, false);
        assertThat(retry.json().path("project").asText()).isEqualTo(p);
        assertThat(eventCount()).isEqualTo(before);

        Map<String, Object> other = educationProject(p);
        other.put("status", "DONE");
        Http.Reply conflict = declare(r, other);
        assertProblem(conflict, 409, "project");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventsOf(r.responseId())).isEqualTo(2);
    }

    @Test
    void aStaleIfMatchIsRefusedAndStoresNothing() {
        Respondent r = started();
        String p = newProject();
        assertWritten(declare(r, educationProject(p)), 201, 2, true);
        long before = eventCount();

        // Someone else read version 1; the response is now at 2.
        Http.Reply stale = send("PUT", r.path() + "/projects/" + p + "/progress", r.token(), Map.of("status", "DONE"),
                headers("If-Match", "\"1\""));
        assertProblem(stale, 412, "If-Match");
        Http.Reply future = send("PUT", r.path() + "/projects/" + p + "/progress", r.token(), Map.of("status", "DONE"),
                headers("If-Match", "\"9\""));
        assertProblem(future, 412, "If-Match");
        Http.Reply staleNoOp = send("PUT", r.path() + "/projects/" + p + "/progress", r.token(),
                Map.of("status", "STUDY"), headers("If-Match", "\"1\""));
        assertProblem(staleNoOp, 412, "If-Match");
        assertThat(eventCount()).isEqualTo(before);

        Http.Reply current = send("PUT", r.path() + "/projects/" + p + "/progress", r.token(), Map.of("status", "DONE"),
                headers("If-Match", "\"2\""));
        assertWritten(current, 200, 3, true);
        assertThat(last(r.responseId()).payload().path("status").asText()).isEqualTo("DONE");

        Http.Reply weak = send("PUT", r.path() + "/projects/" + p + "/progress", r.token(),
                Map.of("status", "IN_PROGRESS"), headers("If-Match", "W/\"3\""));
        assertWritten(weak, 200, 4, true);
    }

    @Test
    void aRefusedStaleWriteLeavesNoTraceInTheAggregate() {
        Respondent r = started();
        String p = newProject();
        assertWritten(http.put(r.path() + "/profile", r.token(), Map.of("role", "ELECTED", "worksInDigital", false)),
                200, 2, true);

        assertProblem(send("POST", r.path() + "/projects", r.token(), educationProject(p), headers("If-Match", "\"1\"")),
                412, "If-Match");

        // Had the refused declaration stayed in the cached aggregate, this would be a conflict or a no-op.
        Map<String, Object> other = project(p, "security", "city_video_surveillance", "DONE");
        assertWritten(declare(r, other), 201, 3, true);
        assertThat(last(r.responseId()).payload().path("domain").asText()).isEqualTo("security");
    }

    @Test
    void aMalformedIfMatchIsABadRequest() {
        Respondent r = started();
        long before = eventCount();
        assertProblem(send("PUT", r.path() + "/profile", r.token(), Map.of("role", "ELECTED", "worksInDigital", true),
                headers("If-Match", "\"abc\"")), 400, "If-Match");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aSubmittedResponseRefusesChangesUntilAnAdminReopensIt() {
        Respondent r = started();
        assertWritten(http.post(r.path() + "/submit", r.token(), null), 200, 2, true);
        long before = eventCount();

        assertProblem(declare(r, educationProject(newProject())), 409, "submitted");
        assertProblem(http.post(r.path() + "/reopen", r.token(), null), 403, null);
        assertThat(eventCount()).isEqualTo(before);

        assertWritten(http.post(r.path() + "/reopen", admin, null), 200, 3, true);
        assertWritten(declare(r, educationProject(newProject())), 201, 4, true);
    }

    @Test
    void writesToAResponseThatWasNeverStartedAreNotFound() {
        Respondent r = respondent("bvn-2014");
        long before = eventCount();
        assertProblem(http.put(r.path() + "/profile", r.token(), Map.of("role", "ELECTED", "worksInDigital", true)), 404,
                "collectivite");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void startingInAnUnknownCampaignIsNotFound() {
        String collectivite = registerCollectivite();
        long before = eventCount();
        assertProblem(http.put("/api/campaigns/no-such-campaign/responses/" + collectivite, admin, null), 404,
                "campaign");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void domainRulesAreEnforcedOverHttp() {
        Respondent r = started();
        long before = eventCount();
        assertProblem(declare(r, project(newProject(), "space_travel", null, null)), 422, "domain");
        assertProblem(declare(r, project(newProject(), "education", "open_data", null)), 422, "catalogueItem");
        assertProblem(declare(r, project("not-a-uuid", "education", "digital_equipment_in_schools", null)), 422,
                "project");
        assertProblem(http.put(r.path() + "/actors/aliens_are_welcome", r.token(), Map.of("level", "AGREE")), 422,
                "statement");
        assertProblem(http.put(r.path() + "/motivations", r.token(), Map.of("ranking", RANKING.subList(0, 4))), 422,
                "ranking");
        assertProblem(http.put(r.path() + "/motivations", r.token(), Map.of("ranking", RANKING, "definitions",
                Map.of("SERVICE_QUALITY", List.of("easier_innovation")))), 422, "definitions.SERVICE_QUALITY");
        assertProblem(http.put(r.path() + "/projects/" + newProject() + "/progress", r.token(), Map.of("status", "DONE")),
                404, "project");
        Map<String, Object> governance = new HashMap<>(educationProject(newProject()));
        governance.put("governance", Map.of("measure", 5));
        assertProblem(declare(r, governance), 422, "governance.measure");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void crossCuttingIsRefusedInA2013Campaign() {
        Respondent r = respondent("bvn-2013");
        assertThat(http.put(r.path(), r.token(), null).status()).isEqualTo(200);
        long before = eventCount();
        assertProblem(declare(r, project(newProject(), "cross_cutting", "open_data", null)), 422, "domain");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aWithdrawnProjectRefusesFurtherWrites() {
        Respondent r = started();
        String p = newProject();
        assertWritten(declare(r, educationProject(p)), 201, 2, true);
        assertWritten(send("DELETE", r.path() + "/projects/" + p, r.token(), null, Map.of()), 200, 3, true);
        assertThat(last(r.responseId()).payload().path("reason").isNull()).isTrue();
        long before = eventCount();

        assertProblem(http.put(r.path() + "/projects/" + p + "/progress", r.token(), Map.of("status", "DONE")), 409,
                "project");
        assertWritten(send("DELETE", r.path() + "/projects/" + p, r.token(), null, Map.of()), 200, 3, false);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anAdminMayAnswerForARespondentWithAStatedInstantAndReason() {
        Respondent r = started();
        String p = newProject();
        Http.Reply paper = send("POST", r.path() + "/projects", admin, educationProject(p), headers(
                "X-Effective-At", "2014-02-10T10:00:00+01:00", "X-On-Behalf-Of", r.collectivite(),
                "X-Change-Reason", "Formulaire papier reçu le 10 février"));
        // The response started now, so an answer dated February 2014 would precede it.
        assertProblem(paper, 422, "X-Effective-At");

        Http.Reply now = send("POST", r.path() + "/projects", admin, educationProject(p), headers(
                "X-On-Behalf-Of", r.collectivite(), "X-Change-Reason", "Saisie pour la ville"));
        assertWritten(now, 201, 2, true);
        var meta = last(r.responseId()).metaData();
        assertThat(meta.path("userId").asText()).isEqualTo(personId(ADMIN));
        assertThat(meta.path("userRole").asText()).isEqualTo("ADMIN");
        assertThat(meta.path("onBehalfOf").asText()).isEqualTo(r.collectivite());
        assertThat(meta.path("reason").asText()).isEqualTo("Saisie pour la ville");
    }

    @Test
    void campaignsOpenOnceAndTheirDeadlineMoves() {
        String campaign = unique("camp");
        Map<String, Object> body = Map.of("campaign", campaign, "year", 2014, "title", "Baromètre", "opensAt", OPENS_2014,
                "closesAt", CLOSES_2014, "questionnaire", "bvn-2014");
        Http.Reply opened = http.post("/api/campaigns", admin, body);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().path("version").asLong()).isEqualTo(1);
        assertThat(opened.json().path("changed").asBoolean()).isTrue();
        String aggregate = "campaign/" + campaign;
        StoredEvent event = last(aggregate);
        assertThat(simpleType(event)).isEqualTo("CampaignOpened");
        assertThat(event.payload().path("closesAt").asText()).isEqualTo("2014-03-15T22:59:59Z");
        assertThat(event.payload().path("questionnaireId").asText()).isEqualTo("bvn-2014");

        Http.Reply again = http.post("/api/campaigns", admin, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("changed").asBoolean()).isFalse();
        Map<String, Object> other = new HashMap<>(body);
        other.put("title", "Autre");
        assertProblem(http.post("/api/campaigns", admin, other), 409, "campaign");
        assertThat(eventsOf(aggregate)).isEqualTo(1);

        Http.Reply moved = http.put("/api/campaigns/" + campaign + "/deadline", admin,
                Map.of("closesAt", "2014-04-30T23:59:59+02:00"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("version").asLong()).isEqualTo(2);
        assertThat(last(aggregate).payload().path("closesAt").asText()).isEqualTo("2014-04-30T21:59:59Z");

        Http.Reply same = http.put("/api/campaigns/" + campaign + "/deadline", admin,
                Map.of("closesAt", "2014-04-30T21:59:59Z"));
        assertThat(same.json().path("changed").asBoolean()).isFalse();
        assertProblem(http.put("/api/campaigns/" + campaign + "/deadline", admin,
                Map.of("closesAt", "2013-01-01T00:00:00Z")), 422, "closesAt");
        assertProblem(http.put("/api/campaigns/" + unique("nope") + "/deadline", admin,
                Map.of("closesAt", "2014-04-30T21:59:59Z")), 404, "campaign");
        assertThat(eventsOf(aggregate)).isEqualTo(2);
    }

    @Test
    void collectivitesRegisterOnceAndAreCorrectedWithAReason() {
        String id = unique("coll");
        Http.Reply registered = http.post("/api/collectivites", admin, collectivite(id, 60000));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String aggregate = "collectivite/" + id;
        assertThat(last(aggregate).payload().path("population").asInt()).isEqualTo(60000);
        assertThat(last(aggregate).payload().path("parentId").isNull()).isTrue();

        assertThat(http.post("/api/collectivites", admin, collectivite(id, 60000)).json().path("changed").asBoolean())
                .isFalse();
        assertProblem(http.post("/api/collectivites", admin, collectivite(id, 61000)), 409, "collectivite");
        assertThat(eventsOf(aggregate)).isEqualTo(1);

        assertProblem(send("PATCH", "/api/collectivites/" + id, admin, Map.of("population", 61000), Map.of()), 400,
                "reason");
        assertThat(eventsOf(aggregate)).isEqualTo(1);

        Map<String, Object> patch = new HashMap<>();
        patch.put("population", null);
        patch.put("region", "Pays de la Loire");
        patch.put("reason", "Recensement");
        Http.Reply corrected = send("PATCH", "/api/collectivites/" + id, admin, patch, Map.of());
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().path("version").asLong()).isEqualTo(2);
        StoredEvent correction = last(aggregate);
        assertThat(simpleType(correction)).isEqualTo("CollectiviteProfileCorrected");
        assertThat(correction.payload().path("population").isNull()).isTrue();
        assertThat(correction.payload().path("region").asText()).isEqualTo("Pays de la Loire");
        assertThat(correction.payload().path("name").asText()).isEqualTo("Ville " + id);
        assertThat(correction.metaData().path("reason").asText()).isEqualTo("Recensement");

        Http.Reply byHeader = send("PATCH", "/api/collectivites/" + id, admin, Map.of("name", "Nouvelle ville"),
                headers("X-Change-Reason", "Fusion de communes"));
        assertThat(byHeader.status()).as(byHeader.body()).isEqualTo(200);
        assertThat(last(aggregate).metaData().path("reason").asText()).isEqualTo("Fusion de communes");

        assertProblem(send("PATCH", "/api/collectivites/" + unique("nope"), admin,
                Map.of("name", "X", "reason", "r"), Map.of()), 404, "collectivite");
    }

    static void assertWritten(Http.Reply reply, int status, long version, boolean changed) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(reply.json().path("version").asLong()).isEqualTo(version);
        assertThat(reply.json().path("changed").asBoolean()).isEqualTo(changed);
    }
}
