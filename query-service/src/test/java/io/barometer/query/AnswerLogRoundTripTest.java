package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.barometer.command.testing.Http;
import io.barometer.query.testing.AnswerLog;
import io.barometer.query.testing.Services;
import io.barometer.query.testing.ServicesTest;

/**
 * GET /api/history.ndjson → POST /api/import into an empty installation: the same barometer on the effective
 * clock, figure by figure and fingerprint by fingerprint, and the same audit but for the recorded instants.
 */
class AnswerLogRoundTripTest extends ServicesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant OPENS = Instant.parse("2021-01-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2021-03-15T23:00:00Z");
    static final Instant MOVED = Instant.parse("2021-03-31T22:00:00Z");

    static Services other;
    static String edge;
    static final List<Instant> EDGE_INSTANTS = new ArrayList<>();
    /** One sign-in per installation: a token costs a password hash, and the comparison reads hundreds of views. */
    private static final Map<Services, String> ADMIN_TOKENS = new HashMap<>();

    static Instant days(double days) {
        Instant at = CLOSES.plusSeconds(Math.round(days * 86_400));
        EDGE_INSTANTS.add(at);
        return at;
    }

    @BeforeAll
    static void twoInstallations() throws Exception {
        Http command = SERVICES.commandHttp();
        String admin = command.token(Services.ADMIN, Services.ADMIN_PASSWORD);
        for (String edition : List.of("bvn-2013", "bvn-2014")) {
            Http.Reply r = command.send("POST", "/api/import", admin,
                    Files.readString(Path.of("..", "datasets", edition + ".ndjson")),
                    Map.of("Content-Type", "application/x-ndjson"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        edge = edgeCases(command, admin);
        awaitProjections();
        other = Services.fresh();
    }

    @AfterAll
    static void stopOther() {
        if (other != null) {
            other.close();
        }
    }

    /**
     * On time, late, withdrawn, reopened and edited after the closing, keyed in by an admin on a city's behalf
     * and by an admin directly, then the deadline moved: every kind of line an answer log can hold, and a relabelling of the past.
     */
    static String edgeCases(Http command, String admin) {
        String c = unique("roundtrip");
        String p1 = UUID.randomUUID().toString();
        String p2 = UUID.randomUUID().toString();
        String p3 = UUID.randomUUID().toString();
        AnswerLog log = new AnswerLog().open(c, OPENS, CLOSES, days(-80))
                .register("rt-early", "COMMUNE", "Bretagne", 60_000, days(-79))
                .register("rt-late", "COMMUNE", "Normandie", null, days(-79))
                .correct("rt-early", "population", 61_000, days(-70))
                .start(c, "rt-early", days(-60))
                .profile(c, "rt-early", true, days(-59))
                .declare(c, "rt-early", p1, "education", "classroom_wifi", "STUDY", days(-58))
                .declare(c, "rt-early", p2, "security", "city_video_surveillance", "IN_PROGRESS", days(-57))
                .govern(c, "rt-early", p1, 2, 3, "REGIE", "UNILATERAL", "DEDICATED_TEAM", days(-50))
                .progress(c, "rt-early", p1, "DONE", days(-40))
                .withdraw(c, "rt-early", p2, days(-30))
                .actor(c, "rt-early", "co_construction_city_citizens", "AGREE", days(-20))
                .submit(c, "rt-early", days(-10))
                .reopen(c, "rt-early", days(1))
                .progress(c, "rt-early", p1, "IN_PROGRESS", days(2))
                .start(c, "rt-late", days(5))
                .declareLabelled(c, "rt-late", p3, "transport_mobility", "Navettes autonomes", "STUDY", days(6));
        Http.Reply imported = command.send("POST", "/api/import", admin, log.ndjson(),
                Map.of("Content-Type", "application/x-ndjson"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Http.Reply onBehalf = command.send("PUT", "/api/campaigns/" + c + "/responses/rt-late/projects/" + p3 + "/progress",
                admin, Map.of("status", "DONE"), Map.of("X-Effective-At", days(7).toString(),
                        "X-On-Behalf-Of", "rt-late", "X-Change-Reason", "Formulaire papier recu"));
        assertThat(onBehalf.status()).as(onBehalf.body()).isEqualTo(200);
        Http.Reply direct = command.send("PUT", "/api/campaigns/" + c + "/responses/rt-early/projects/" + p1 + "/progress",
                admin, Map.of("status", "DONE"), Map.of());
        assertThat(direct.status()).as(direct.body()).isEqualTo(200);
        Http.Reply moved = command.put("/api/campaigns/" + c + "/deadline", admin, Map.of("closesAt", MOVED.toString()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        EDGE_INSTANTS.add(MOVED);
        EDGE_INSTANTS.add(Instant.now().plusSeconds(3600));
        return c;
    }

    private String export(String campaign) {
        Http.Reply reply = query.get("/api/history.ndjson" + (campaign == null ? "" : "?campaign=" + campaign), admin);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/x-ndjson");
        return reply.body();
    }

    private void importInto(Services installation, String ndjson) {
        Http http = installation.commandHttp();
        String token = http.token(Services.ADMIN, Services.ADMIN_PASSWORD);
        Http.Reply reply = http.send("POST", "/api/import", token, ndjson, Map.of("Content-Type", "application/x-ndjson"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        installation.awaitProjections();
    }

    private static Http.Reply reply(Services installation, String path) {
        return installation.queryHttp().get(path, ADMIN_TOKENS.computeIfAbsent(installation,
                i -> i.commandHttp().token(Services.ADMIN, Services.ADMIN_PASSWORD)));
    }

    private static JsonNode get(Services installation, String path) {
        Http.Reply reply = reply(installation, path);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** What an import cannot restate: where in the store the events sit, and when they were stored. */
    private static JsonNode withoutStorePositions(JsonNode view) {
        JsonNode copy = view.deepCopy();
        if (copy instanceof ObjectNode o) {
            o.remove(List.of("eventsThrough", "version", "projection"));
        }
        return copy;
    }

    private void assertSameBarometer(String campaign, List<Instant> instants) {
        List<String> cuts = new ArrayList<>(List.of("asOf=closing", "asOf=closing&lateRespondents=exclude"));
        instants.forEach(i -> cuts.add("asOf=" + i));
        for (String cut : cuts) {
            String path = "/api/campaigns/" + campaign + "/synthesis?basis=effective&" + cut;
            JsonNode here = get(SERVICES, path);
            JsonNode there = get(other, path);
            assertThat(there.get("fingerprint").asText()).as(path).isEqualTo(here.get("fingerprint").asText());
            assertThat(withoutStorePositions(there)).as(path).isEqualTo(withoutStorePositions(here));
        }
        JsonNode progressHere = get(SERVICES, "/api/campaigns/" + campaign + "/progress");
        assertThat(progressHere.get("items")).isNotEmpty();
        for (JsonNode row : progressHere.get("items")) {
            String coll = row.get("collectivite").asText();
            for (String cut : List.of("asOf=closing", "asOf=" + instants.get(instants.size() - 1))) {
                String path = "/api/campaigns/" + campaign + "/responses/" + coll + "?basis=effective&" + cut;
                Http.Reply here = reply(SERVICES, path);
                Http.Reply there = reply(other, path);
                // A collectivité that had not started by then is absent from both.
                assertThat(there.status()).as(path).isEqualTo(here.status());
                if (here.status() == 200) {
                    assertThat(withoutStorePositions(there.json())).as(path).isEqualTo(withoutStorePositions(here.json()));
                }
            }
        }
    }

    /**
     * Audit rows with what an import restates: all but the recorded instant, the position, how the change arrived,
     * and the person ids, each installation's own (the import maps each `by` to a person of its own, whose name is
     * the same).
     */
    private static TreeSet<String> audit(Services installation, String campaign) {
        TreeSet<String> rows = new TreeSet<>();
        for (int page = 0; ; page++) {
            JsonNode reply = get(installation, "/api/audit?campaign=" + campaign + "&clock=effective&size=500&page=" + page);
            for (JsonNode item : reply.get("items")) {
                ObjectNode row = item.deepCopy();
                row.remove(List.of("recordedAt", "source", "importedBy", "importedByName", "eventPosition", "userId"));
                rows.add(row.toString());
            }
            if ((page + 1) * 500 >= reply.get("total").asLong()) {
                return rows;
            }
        }
    }

    @Test
    void bothReferenceEditionsAndAnEditionWithEveryKindOfChangeComeBackTheSameInAnEmptyInstallation() throws Exception {
        for (String campaign : List.of("bvn-2013", "bvn-2014", edge)) {
            importInto(other, export(campaign));
        }

        assertSameBarometer(edge, EDGE_INSTANTS);
        assertSameBarometer("bvn-2014", List.of(Instant.parse("2014-02-01T00:00:00Z"),
                Instant.parse("2014-04-15T00:00:00Z"), Instant.parse("2014-05-07T12:00:00Z")));
        assertSameBarometer("bvn-2013", List.of(Instant.parse("2013-02-01T00:00:00Z"),
                Instant.parse("2013-06-01T00:00:00Z")));
        for (String campaign : List.of("bvn-2013", "bvn-2014", edge)) {
            TreeSet<String> here = audit(SERVICES, campaign);
            assertThat(here).as(campaign).isNotEmpty();
            assertThat(audit(other, campaign)).as(campaign).isEqualTo(here);
        }
        JsonNode comparison = get(other, "/api/comparisons?base=bvn-2013&target=bvn-2014");
        assertThat(withoutStorePositions(comparison))
                .isEqualTo(withoutStorePositions(get(SERVICES, "/api/comparisons?base=bvn-2013&target=bvn-2014")));
    }

    @Test
    void eachLineCarriesItsClocksAuthorAndRoleAndAnEditionsHistoryNamesItsCollectivitesFirst() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String text : export(edge).split("\n")) {
            lines.add(JSON.readTree(text));
        }
        assertThat(lines).extracting(l -> l.get("op").asText()).containsExactly("openCampaign",
                "registerCollectivite", "registerCollectivite", "correctCollectivite", "startResponse", "answerProfile",
                "declareProject", "declareProject", "scoreGovernance", "updateProgress", "withdrawProject",
                "rateActorStatement", "submitResponse", "reopenResponse", "updateProgress", "startResponse",
                "declareProject", "updateProgress", "updateProgress", "moveDeadline");
        JsonNode onBehalf = lines.get(17);
        assertThat(onBehalf.get("at").asText()).isEqualTo(CLOSES.plusSeconds(7 * 86_400).toString());
        assertThat(onBehalf.get("by").asText()).isEqualTo(Services.ADMIN);
        assertThat(onBehalf.get("byRole").asText()).isEqualTo("ADMIN");
        assertThat(onBehalf.get("onBehalfOf").asText()).isEqualTo("rt-late");
        assertThat(onBehalf.get("reason").asText()).isEqualTo("Formulaire papier recu");
        assertThat(Instant.parse(onBehalf.get("recordedAt").asText())).isAfter(Instant.parse(onBehalf.get("at").asText()));
        JsonNode direct = lines.get(18);
        assertThat(direct.get("at").asText()).isEqualTo(direct.get("recordedAt").asText());
        assertThat(direct.get("byRole").asText()).isEqualTo("ADMIN");
        assertThat(direct.has("onBehalfOf")).isFalse();
        JsonNode registered = lines.get(2);
        assertThat(registered.get("population").isNull()).isTrue();
        assertThat(lines.get(7).get("governance")).isNull();

        long stored = SERVICES.query.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThat(export(null).lines().count()).isEqualTo(stored);
    }

    @Test
    void onlyAnAdminDownloadsTheHistoryAndAnUnknownCampaignIsNotFound() {
        String analyst = user(unique("analyst"), "ANALYST", null);
        assertThat(query.get("/api/history.ndjson", analyst).status()).isEqualTo(403);
        assertThat(query.get("/api/history.ndjson", null).status()).isEqualTo(401);
        Http.Reply missing = query.get("/api/history.ndjson?campaign=no-such-campaign", admin);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("campaign");
    }
}
