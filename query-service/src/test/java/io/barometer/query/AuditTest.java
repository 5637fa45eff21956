package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.command.testing.Http;
import io.barometer.query.asof.Basis;
import io.barometer.query.audit.AuditQuery;
import io.barometer.query.audit.AuditRepository;
import io.barometer.query.testing.AnswerLog;
import io.barometer.query.testing.Services;
import io.barometer.query.testing.ServicesTest;

/** The audit: who changed what, when, from which value to which, and who may read it. */
class AuditTest extends ServicesTest {

    static final Instant OPENS = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2020-03-15T23:00:00Z");

    static Instant days(double days) {
        return CLOSES.plusSeconds(Math.round(days * 86_400));
    }

    private String campaignWith(String c, String... collectivites) {
        AnswerLog log = new AnswerLog().open(c, OPENS, CLOSES, OPENS.minusSeconds(86_400 * 10));
        for (String coll : collectivites) {
            log.register(coll, "COMMUNE", "Bretagne", 60_000, OPENS.minusSeconds(86_400 * 5));
        }
        importLog(log.ndjson());
        return c;
    }

    private List<JsonNode> items(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        reply.json().get("items").forEach(items::add);
        return items;
    }

    private static JsonNode only(List<JsonNode> items, String change, String field) {
        List<JsonNode> found = items.stream()
                .filter(i -> i.get("change").asText().equals(change) && i.get("field").asText().equals(field)).toList();
        assertThat(found).as(change + "/" + field + " in " + items).hasSize(1);
        return found.get(0);
    }

    @Test
    void aBackdatedEntryShowsTheValueThatStoodAtItsEffectiveInstant() {
        String c = campaignWith(unique("audit"), "vannes-a1");
        String p = UUID.randomUUID().toString();
        importLog(new AnswerLog().start(c, "vannes-a1", days(-10))
                .declare(c, "vannes-a1", p, "education", "classroom_wifi", "STUDY", days(-9))
                .progress(c, "vannes-a1", p, "IN_PROGRESS", days(-3)).ndjson());
        // A paper form dated before the online change, keyed in by an admin afterwards.
        Http.Reply backdated = command.send("PUT", "/api/campaigns/" + c + "/responses/vannes-a1/projects/" + p + "/progress",
                admin, Map.of("status", "DONE"), Map.of("X-Effective-At", days(-6).toString(),
                        "X-On-Behalf-Of", "vannes-a1", "X-Change-Reason", "Formulaire papier recu le " + days(-6)));
        assertThat(backdated.status()).as(backdated.body()).isEqualTo(200);
        awaitProjections();

        List<JsonNode> rows = items(query.get("/api/audit?campaign=" + c + "&project=" + p, admin));
        JsonNode paper = rows.get(0);
        assertThat(paper.get("field").asText()).isEqualTo("status");
        assertThat(paper.get("oldValue").asText()).isEqualTo("STUDY");
        assertThat(paper.get("newValue").asText()).isEqualTo("DONE");
        assertThat(paper.get("userId").asText()).isEqualTo(personId(Services.ADMIN));
        assertThat(paper.get("userName").asText()).isEqualTo("Administrator");
        assertThat(paper.get("userRole").asText()).isEqualTo("ADMIN");
        assertThat(paper.get("onBehalfOf").asText()).isEqualTo("vannes-a1");
        assertThat(paper.get("reason").asText()).startsWith("Formulaire papier");
        assertThat(paper.get("source").asText()).isEqualTo("api");
        assertThat(Instant.parse(paper.get("effectiveAt").asText())).isEqualTo(days(-6));
        assertThat(Instant.parse(paper.get("recordedAt").asText())).isAfter(days(1000));
        assertThat(paper.get("timeliness").asText()).isEqualTo("ON_TIME");
        // The online change of D-3 now follows the paper form on the effective timeline.
        JsonNode onlineRow = rows.stream().filter(r -> r.get("newValue").asText().equals("IN_PROGRESS")).findFirst().orElseThrow();
        assertThat(onlineRow.get("oldValue").asText()).isEqualTo("DONE");
        // The line's "by" became a person of its own, named by its handle: it has no display name.
        assertThat(onlineRow.get("userId").asText()).isEqualTo(personId("vannes-a1.dsi-1"));
        assertThat(onlineRow.get("userName").asText()).isEqualTo("vannes-a1.dsi-1");
        assertThat(onlineRow.get("source").asText()).isEqualTo("import");
        assertThat(onlineRow.get("importedBy").asText()).isEqualTo(personId(Services.ADMIN));
        assertThat(onlineRow.get("importedByName").asText()).isEqualTo("Administrator");
        JsonNode declared = only(rows, "ProjectDeclared", "project");
        assertThat(declared.at("/newValue/catalogueItem").asText()).isEqualTo("classroom_wifi");
        assertThat(declared.get("oldValue").isNull()).isTrue();
        assertThat(rows).hasSize(4);

        // On the effective clock, oldest first, for the respondent's own history.
        String respondent = user(unique("vannes.dsi"), "RESPONDENT", "vannes-a1");
        List<JsonNode> history = items(query.get("/api/campaigns/" + c + "/responses/vannes-a1/history", respondent));
        assertThat(history.stream().map(h -> h.get("field").asText()).toList())
                .containsExactly("started", "project", "status", "status", "status");
        assertThat(history.stream().filter(h -> h.get("field").asText().equals("status"))
                .map(h -> h.get("newValue").asText()).toList()).containsExactly("STUDY", "DONE", "IN_PROGRESS");
    }

    @Test
    void aWithdrawalAndAReScoredGovernanceShowOnlyWhatChanged() {
        String c = campaignWith(unique("audit"), "brest-a2");
        String p = UUID.randomUUID().toString();
        String dropped = UUID.randomUUID().toString();
        String respondent = user(unique("brest.dsi"), "RESPONDENT", "brest-a2");
        String base = "/api/campaigns/" + c + "/responses/brest-a2";
        assertThat(command.put(base, respondent, null).status()).isEqualTo(200);
        assertThat(command.post(base + "/projects", respondent, Map.of("project", p, "domain", "transport_mobility",
                "label", "Vélos connectés", "status", "STUDY", "governance",
                Map.of("measure", 1, "means", 2, "managementMode", "REGIE"))).status()).isEqualTo(201);
        assertThat(command.post(base + "/projects", respondent, Map.of("project", dropped, "domain", "education",
                "catalogueItem", "classroom_wifi")).status()).isEqualTo(201);
        assertThat(command.put(base + "/projects/" + p + "/governance", respondent, Map.of("measure", 3, "means", 2,
                "managementMode", "REGIE", "decisionMode", "UNILATERAL")).status()).isEqualTo(200);
        assertThat(command.send("DELETE", base + "/projects/" + dropped, respondent, Map.of("reason", "Doublon"),
                Map.of()).status()).isEqualTo(200);
        awaitProjections();

        List<JsonNode> rows = items(query.get("/api/audit?campaign=" + c + "&collectivite=brest-a2", admin));
        List<JsonNode> scoring = rows.stream().filter(r -> r.get("change").asText().equals("GovernanceScored")).toList();
        assertThat(scoring.stream().map(r -> r.get("field").asText()).toList())
                .containsExactlyInAnyOrder("measure", "decisionMode");
        JsonNode measure = only(rows, "GovernanceScored", "measure");
        assertThat(measure.get("oldValue").asInt()).isEqualTo(1);
        assertThat(measure.get("newValue").asInt()).isEqualTo(3);
        assertThat(only(rows, "GovernanceScored", "decisionMode").get("oldValue").isNull()).isTrue();
        JsonNode withdrawn = only(rows, "ProjectWithdrawn", "withdrawn");
        assertThat(withdrawn.get("project").asText()).isEqualTo(dropped);
        assertThat(withdrawn.get("oldValue").asBoolean()).isFalse();
        assertThat(withdrawn.get("newValue").asBoolean()).isTrue();
        // The writes happen now, years after this campaign's closing.
        assertThat(withdrawn.get("timeliness").asText()).isEqualTo("LATE_SUBMISSION");
        // Newest first on the recorded clock.
        assertThat(rows.get(0).get("change").asText()).isEqualTo("ProjectWithdrawn");
        assertThat(query.get("/api/audit?campaign=" + c + "&user=nobody", admin).json().get("total").asInt()).isZero();
        JsonNode page = query.get("/api/audit?campaign=" + c + "&collectivite=brest-a2&size=2&page=1", admin).json();
        assertThat(page.get("total").asInt()).isEqualTo(rows.size());
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.at("/items/0/eventPosition").asLong()).isEqualTo(rows.get(2).get("eventPosition").asLong());
    }

    @Test
    void aCollectiviteCorrectionShowsWithItsReason() {
        String coll = unique("cannes");
        campaignWith(unique("audit"), coll);
        Http.Reply patched = command.send("PATCH", "/api/collectivites/" + coll, admin,
                Map.of("population", 70000, "reason", "Population renseignée via l'INSEE"), Map.of());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        awaitProjections();
        List<JsonNode> rows = items(query.get("/api/audit?collectivite=" + coll, admin));
        JsonNode population = only(rows, "CollectiviteProfileCorrected", "population");
        assertThat(population.get("oldValue").asInt()).isEqualTo(60000);
        assertThat(population.get("newValue").asInt()).isEqualTo(70000);
        assertThat(population.get("reason").asText()).isEqualTo("Population renseignée via l'INSEE");
        assertThat(population.get("campaign").isNull()).isTrue();
        assertThat(population.get("timeliness").isNull()).isTrue();
    }

    @Test
    void onlyAdminsReadTheAuditAndARespondentOnlyItsOwnHistory() {
        String c = campaignWith(unique("audit"), "lorient-a4", "nimes-a4");
        importLog(new AnswerLog().start(c, "lorient-a4", days(-5)).start(c, "nimes-a4", days(-5)).ndjson());
        awaitProjections();
        String respondent = user(unique("lorient.dsi"), "RESPONDENT", "lorient-a4");
        String analyst = user(unique("analyst"), "ANALYST", null);
        assertThat(query.get("/api/audit", null).status()).isEqualTo(401);
        assertThat(query.get("/api/audit", respondent).status()).isEqualTo(403);
        assertThat(query.get("/api/audit", analyst).status()).isEqualTo(403);
        assertThat(query.get("/api/audit?size=0", admin).status()).isEqualTo(400);
        assertThat(query.get("/api/audit?from=yesterday", admin).json().at("/errors/0/field").asText()).isEqualTo("from");
        assertThat(query.get("/api/campaigns/" + c + "/responses/lorient-a4/history", respondent).status()).isEqualTo(200);
        assertThat(query.get("/api/campaigns/" + c + "/responses/nimes-a4/history", respondent).status()).isEqualTo(403);
        assertThat(query.get("/api/campaigns/" + c + "/responses/nimes-a4/history", analyst).status()).isEqualTo(403);
        assertThat(query.get("/api/campaigns/" + c + "/responses/nobody/history", admin).status()).isEqualTo(404);
    }

    @Test
    void filtersOnALargeAuditUseIndexes() {
        String c = campaignWith(unique("large"));
        AnswerLog log = new AnswerLog();
        for (int city = 0; city < 50; city++) {
            String coll = c + "-city-" + city;
            log.register(coll, "COMMUNE", "Bretagne", 50_000 + city, OPENS);
            log.start(c, coll, days(-30));
            for (int n = 0; n < 30; n++) {
                String p = UUID.nameUUIDFromBytes((coll + n).getBytes()).toString();
                log.declare(c, coll, p, "education", null, "STUDY", days(-29 + n * 0.01));
                log.progress(c, coll, p, "DONE", days(-20 + n * 0.01));
            }
        }
        importLog(log.ndjson().replace("\"catalogueItem\":null", "\"label\":\"Projet\""));
        awaitProjections();
        JdbcTemplate jdbc = SERVICES.query.getBean(JdbcTemplate.class);
        jdbc.execute("ANALYZE query.answer_fact");
        jdbc.execute("ANALYZE query.answer_attribution");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.answer_fact", Long.class)).isGreaterThan(3_000);

        String coll = c + "-city-7";
        Http.Reply reply = query.get("/api/audit?campaign=" + c + "&collectivite=" + coll, admin);
        assertThat(reply.json().get("total").asInt()).isEqualTo(1 + 30 * 3);
        String plan = String.join("\n", SERVICES.query.getBean(AuditRepository.class).plan(new AuditQuery(c, coll, null,
                null, null, null, Basis.RECORDED, false, 0, 50)));
        assertThat(plan).as(plan).doesNotContain("Seq Scan on answer_fact", "Seq Scan on answer_attribution")
                .contains("Index Scan using answer_fact_project_effective");
        String byUser = String.join("\n", SERVICES.query.getBean(AuditRepository.class).plan(new AuditQuery(null, null,
                List.of(personId(coll + ".dsi-1")), null, null, null, Basis.RECORDED, false, 0, 50)));
        // By the index, whichever way: a bitmap scan, or an index-only scan once a vacuum marked the pages visible.
        assertThat(byUser).as(byUser).contains("answer_attribution_user").doesNotContain("Seq Scan on answer_attribution");
    }
}
