package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.barometer.command.testing.Http;
import io.barometer.query.testing.ServicesTest;

/**
 * People named by id in the events and by name only in command-service's person table: the audit, a response's
 * history and the progress view read their names at request time, a person reads what is kept about them, an admin
 * lists a collectivité's people, and once a person is erased nothing the read side answers names them.
 */
class PeopleTest extends ServicesTest {

    private static final String ERASED = "personne effacée";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Someone with an account: their person id, their token, and the handles that must vanish once erased. */
    private record Someone(String id, String token, String username, String displayName, String email) {
    }

    private Someone respondent(String collectivite, String handle, String displayName) {
        String username = unique(handle);
        String email = username + "@mairie.example";
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", username + "-password-1",
                "role", "RESPONDENT", "collectiviteId", collectivite, "displayName", displayName, "email", email));
        Http.Reply created = command.post("/api/users", admin, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("personId").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        return new Someone(id, command.token(username, username + "-password-1"), username, displayName, email);
    }

    /** Three writes of that person on a response the import started: three events, four changed fields. */
    private void answer(Someone person, String campaign, String collectivite) {
        String base = "/api/campaigns/" + campaign + "/responses/" + collectivite;
        String project = UUID.randomUUID().toString();
        Http.Reply declared = command.post(base + "/projects", person.token(), Map.of("project", project,
                "domain", "education", "catalogueItem", "classroom_wifi", "status", "STUDY"));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        Http.Reply progressed = command.put(base + "/projects/" + project + "/progress", person.token(),
                Map.of("status", "DONE"));
        assertThat(progressed.status()).as(progressed.body()).isEqualTo(200);
        Http.Reply rated = command.put(base + "/actors/co_construction_city_citizens", person.token(),
                Map.of("level", "AGREE"));
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
    }

    /** A campaign whose one collectivité's response was started by its officer of the time, in an imported log. */
    private void importCampaign(String campaign, String collectivite) {
        importLog(CutOffTest.campaign(campaign, collectivite).start(campaign, collectivite, CutOffTest.days(-20))
                .ndjson());
    }

    /** Where a person answered: a campaign whose one collectivité's response the import started. */
    private record Answered(String campaign, String collectivite, Someone person) {
    }

    private Answered answered(String city, String handle, String displayName) {
        String c = unique("people"), coll = unique(city);
        importCampaign(c, coll);
        Someone person = respondent(coll, handle, displayName);
        answer(person, c, coll);
        awaitProjections();
        return new Answered(c, coll, person);
    }

    private List<JsonNode> items(String path, String token) {
        Http.Reply reply = query.get(path, token);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        reply.json().get("items").forEach(items::add);
        return items;
    }

    private JsonNode me(String token) {
        Http.Reply reply = query.get("/api/people/me", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void theAuditNamesWhoMadeEachChangeAndFindsThemByIdOrByUsername() {
        Answered given = answered("lannion", "maelle.kerjean", "Maëlle Kerjean");
        String c = given.campaign(), coll = given.collectivite();
        Someone maelle = given.person();

        List<JsonNode> rows = items("/api/audit?campaign=" + c + "&collectivite=" + coll, admin);
        List<JsonNode> hers = rows.stream().filter(r -> r.get("userId").asText().equals(maelle.id())).toList();
        // The project declared with its status, the status moved on, a statement rated.
        assertThat(hers).hasSize(4);
        assertThat(hers).allSatisfy(r -> {
            assertThat(r.get("userName").asText()).isEqualTo("Maëlle Kerjean");
            assertThat(r.get("source").asText()).isEqualTo("api");
            assertThat(r.get("importedBy").isNull()).isTrue();
            assertThat(r.get("importedByName").isNull()).isTrue();
        });
        // The imported start: by the person the import created for its "by", keyed in by the admin.
        JsonNode adminMe = me(admin);
        String adminName = adminMe.get("displayName").isNull() ? adminMe.get("username").asText()
                : adminMe.get("displayName").asText();
        JsonNode imported = rows.stream().filter(r -> r.get("source").asText().equals("import")
                && r.get("field").asText().equals("started"))
                .findFirst().orElseThrow();
        assertThat(imported.get("userName").asText()).isEqualTo(coll + ".dsi-1");
        assertThat(imported.get("userId").asText()).isNotEqualTo(maelle.id()).hasSize(36);
        assertThat(imported.get("importedBy").asText()).isEqualTo(adminMe.get("id").asText());
        assertThat(imported.get("importedByName").asText()).isEqualTo(adminName);

        JsonNode byUsername = query.get("/api/audit?user=" + maelle.username(), admin).json();
        JsonNode byId = query.get("/api/audit?user=" + maelle.id(), admin).json();
        assertThat(byUsername.get("total").asInt()).isEqualTo(4);
        assertThat(byId.get("items")).isEqualTo(byUsername.get("items"));
        assertThat(query.get("/api/audit?user=" + unique("nobody"), admin).json().get("total").asInt()).isZero();
        assertThat(query.get("/api/audit?user=" + UUID.randomUUID(), admin).json().get("total").asInt()).isZero();

        List<JsonNode> history = items("/api/campaigns/" + c + "/responses/" + coll + "/history", maelle.token());
        assertThat(history.stream().filter(h -> h.get("userId").asText().equals(maelle.id()))
                .map(h -> h.get("userName").asText()).distinct().toList()).containsExactly("Maëlle Kerjean");

        JsonNode progress = query.get("/api/campaigns/" + c + "/progress", admin).json();
        assertThat(progress.at("/items/0/collectivite").asText()).isEqualTo(coll);
        assertThat(progress.at("/items/0/lastChange/userId").asText()).isEqualTo(maelle.id());
        assertThat(progress.at("/items/0/lastChange/userName").asText()).isEqualTo("Maëlle Kerjean");
    }

    @Test
    void aPersonReadsWhatIsKeptAboutThemWithTheNumberOfTheirChanges() {
        String c = unique("people"), coll = unique("morlaix");
        importCampaign(c, coll);
        Someone yann = respondent(coll, "yann.legall", "Yann Le Gall");
        JsonNode before = me(yann.token());
        assertThat(before.get("id").asText()).isEqualTo(yann.id());
        assertThat(before.get("username").asText()).isEqualTo(yann.username());
        assertThat(before.get("displayName").asText()).isEqualTo("Yann Le Gall");
        assertThat(before.get("email").asText()).isEqualTo(yann.email());
        assertThat(before.get("collectiviteId").asText()).isEqualTo(coll);
        assertThat(before.get("role").asText()).isEqualTo("RESPONDENT");
        assertThat(before.get("enabled").asBoolean()).isTrue();
        assertThat(Instant.parse(before.get("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(before.get("changes").asLong()).isZero();

        answer(yann, c, coll);
        // Three writes, three events: `changes` counts events, not the fields each of them set.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> me(yann.token()).get("changes").asLong() == 3);
        awaitProjections();
        assertThat(me(yann.token()).get("changes").asLong()).isEqualTo(3);

        String analyst = user(unique("analyst"), "ANALYST", null);
        JsonNode analystMe = me(analyst);
        assertThat(analystMe.get("role").asText()).isEqualTo("ANALYST");
        assertThat(analystMe.get("collectiviteId").isNull()).isTrue();
        assertThat(analystMe.get("changes").asLong()).isZero();
        assertThat(query.get("/api/people/me", null).status()).isEqualTo(401);
    }

    @Test
    void anAdminListsTheCollectivitesPeopleAndNoOneElseMay() {
        Answered given = answered("paimpol", "gwenaelle.morvan", "Gwenaëlle Morvan");
        String c = given.campaign(), coll = given.collectivite();
        Someone gwen = given.person();

        Http.Reply listed = query.get("/api/people?collectivite=" + coll, admin);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get("total").asInt()).isEqualTo(2);
        assertThat(listed.json().get("page").asInt()).isZero();
        assertThat(listed.json().get("size").asInt()).isEqualTo(50);
        JsonNode first = listed.json().at("/items/0");
        JsonNode second = listed.json().at("/items/1");
        // By name: the officer the import knew ("paimpol-tN.dsi-1") sorts after "Gwenaëlle".
        assertThat(first.get("id").asText()).isEqualTo(gwen.id());
        assertThat(first.get("username").asText()).isEqualTo(gwen.username());
        assertThat(first.get("displayName").asText()).isEqualTo("Gwenaëlle Morvan");
        assertThat(first.get("email").asText()).isEqualTo(gwen.email());
        assertThat(first.get("collectiviteId").asText()).isEqualTo(coll);
        assertThat(first.get("role").asText()).isEqualTo("RESPONDENT");
        assertThat(first.get("enabled").asBoolean()).isTrue();
        assertThat(first.get("erasedAt").isNull()).isTrue();
        assertThat(first.get("changes").asLong()).isEqualTo(3);
        assertThat(second.get("username").asText()).isEqualTo(coll + ".dsi-1");
        assertThat(second.get("role").isNull()).isTrue();
        assertThat(second.get("enabled").isNull()).isTrue();
        assertThat(second.get("changes").asLong()).isEqualTo(1);

        JsonNode secondPage = query.get("/api/people?collectivite=" + coll + "&size=1&page=1", admin).json();
        assertThat(secondPage.get("total").asInt()).isEqualTo(2);
        assertThat(secondPage.get("items")).containsExactly(second);
        assertThat(query.get("/api/people?collectivite=" + unique("nowhere"), admin).json().get("total").asInt()).isZero();
        Http.Reply bad = query.get("/api/people?collectivite=Not%20An%20Id", admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("collectivite");
        assertThat(query.get("/api/people?size=501", admin).json().at("/errors/0/field").asText()).isEqualTo("size");

        String analyst = user(unique("analyst"), "ANALYST", null);
        for (String token : List.of(gwen.token(), analyst)) {
            Http.Reply refused = query.get("/api/people?collectivite=" + coll, token);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(query.get("/api/people", null).status()).isEqualTo(401);

        // One person by id, as the list gives them: what an admin reads before erasing them.
        assertThat(query.get("/api/people/" + gwen.id(), admin).json()).isEqualTo(first);
        Http.Reply nobody = query.get("/api/people/00000000-0000-0000-0000-000000000000", admin);
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.json().at("/errors/0/field").asText()).isEqualTo("id");
        assertThat(query.get("/api/people/" + gwen.username(), admin).status()).isEqualTo(404);
        assertThat(query.get("/api/people/" + gwen.id(), analyst).status()).isEqualTo(403);
        assertThat(query.get("/api/people/" + gwen.id(), gwen.token()).status()).isEqualTo(403);
    }

    @Test
    void onceErasedAPersonIsNamedNowhereAndTheirChangesStayOnePersons() throws Exception {
        Answered given = answered("treguier", "erwan.quemener", "Erwan Quéméner");
        String c = given.campaign(), coll = given.collectivite();
        Someone erwan = given.person();
        List<JsonNode> auditBefore = items("/api/audit?campaign=" + c + "&collectivite=" + coll, admin);
        assertThat(query.get("/api/history.ndjson?campaign=" + c, admin).body()).contains(erwan.username());

        Http.Reply erased = command.post("/api/people/" + erwan.id() + "/erasure", admin,
                Map.of("reason", "Demande d'effacement du 3 décembre"));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("personId").asText()).isEqualTo(erwan.id());

        // Names are read at request time: no wait for any projection.
        List<JsonNode> audit = items("/api/audit?campaign=" + c + "&collectivite=" + coll, admin);
        assertThat(audit).hasSameSizeAs(auditBefore);
        List<JsonNode> his = audit.stream().filter(r -> r.get("userId").asText().equals(erwan.id())).toList();
        assertThat(his).hasSize(4).allSatisfy(r -> assertThat(r.get("userName").asText()).isEqualTo(ERASED));
        for (int i = 0; i < audit.size(); i++) {
            ObjectNode now = audit.get(i).deepCopy();
            ObjectNode then = auditBefore.get(i).deepCopy();
            now.remove("userName");
            then.remove("userName");
            assertThat(now).isEqualTo(then);
        }
        assertThat(query.get("/api/audit?user=" + erwan.id(), admin).json().get("total").asInt()).isEqualTo(4);
        assertThat(query.get("/api/audit?user=" + erwan.username(), admin).json().get("total").asInt()).isZero();

        List<JsonNode> history = items("/api/campaigns/" + c + "/responses/" + coll + "/history", admin);
        assertThat(history.stream().filter(h -> h.get("userId").asText().equals(erwan.id()))
                .map(h -> h.get("userName").asText()).toList()).hasSize(4).containsOnly(ERASED);
        JsonNode progress = query.get("/api/campaigns/" + c + "/progress", admin).json();
        assertThat(progress.at("/items/0/lastChange/userId").asText()).isEqualTo(erwan.id());
        assertThat(progress.at("/items/0/lastChange/userName").asText()).isEqualTo(ERASED);

        JsonNode listed = query.get("/api/people?collectivite=" + coll, admin).json();
        JsonNode him = listed.at("/items/1");
        assertThat(him.get("id").asText()).isEqualTo(erwan.id());
        assertThat(him.get("username").isNull()).isTrue();
        assertThat(him.get("displayName").isNull()).isTrue();
        assertThat(him.get("email").isNull()).isTrue();
        assertThat(him.get("enabled").asBoolean()).isFalse();
        assertThat(Instant.parse(him.get("erasedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(him.get("changes").asLong()).isEqualTo(3);

        // The answer log keeps his lines together under his id, and stays an import's input.
        String log = query.get("/api/history.ndjson?campaign=" + c, admin).body();
        List<String> handles = new ArrayList<>();
        for (String line : log.split("\n")) {
            handles.add(JSON.readTree(line).get("by").asText());
        }
        assertThat(handles.stream().filter(erwan.id()::equals)).hasSize(3);
        assertThat(handles).contains(coll + ".dsi-1");
        for (String path : List.of("/api/history.ndjson?campaign=" + c, "/api/history.ndjson",
                "/api/audit?size=500", "/api/people?size=500",
                "/api/campaigns/" + c + "/exports/projects.csv", "/api/campaigns/" + c + "/exports/respondents.csv",
                "/api/campaigns/" + c + "/progress", "/api/campaigns/" + c + "/responses/" + coll + "/history")) {
            Http.Reply reply = query.get(path, admin);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.body()).as(path).doesNotContain(erwan.username(), erwan.displayName(), erwan.email(),
                    "Erwan", "Quéméner");
        }
    }
}
