package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.command.testing.Http;
import io.barometer.query.testing.CsvFile;
import io.barometer.query.testing.ServicesTest;

/**
 * The analysts' and admins' tools on the two reference editions: the 2013 → 2014 comparison shows what
 * the report says changed, the CSV export agrees with the synthesis, and the fill-in progress shows the
 * late, proxy and unfinished respondents of 2014.
 */
class ReferenceToolsTest extends ServicesTest {

    private static boolean imported;

    @BeforeEach
    void importOnce() throws Exception {
        if (!imported) {
            importLog(Files.readString(Path.of("..", "datasets", "bvn-2013.ndjson")));
            importLog(Files.readString(Path.of("..", "datasets", "bvn-2014.ndjson")));
            imported = true;
        }
        awaitProjections();
    }

    @Test
    void theComparisonOf2013And2014ShowsWhatTheReportStates() {
        Http.Reply reply = query.get("/api/comparisons?base=bvn-2013&target=bvn-2014&exclude=nice-metropole", admin);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode c = reply.json();
        assertThat(c.at("/base/asOf").asText()).isEqualTo("2013-04-30T21:59:59Z");
        assertThat(c.at("/target/asOf").asText()).isEqualTo("2014-03-15T22:59:59Z");
        assertThat(c.at("/base/projects").asInt()).isEqualTo(516);
        assertThat(c.at("/target/projects").asInt()).isEqualTo(815);
        // "education 53 % → 48.8 %, energy 38 % → 21.5 %, transport 50 % → 51.1 %"
        assertThat(c.at("/byDomain/education/base/doneShare").asDouble()).isCloseTo(32.0 / 60, within(1e-9));
        assertThat(c.at("/byDomain/education/target/doneShare").asDouble()).isCloseTo(61.0 / 125, within(1e-9));
        assertThat(c.at("/byDomain/energy_water_waste/base/doneShare").asDouble()).isCloseTo(0.38, within(1e-9));
        assertThat(c.at("/byDomain/energy_water_waste/target/doneShare").asDouble()).isCloseTo(17.0 / 79, within(1e-9));
        assertThat(c.at("/byDomain/transport_mobility/base/doneShare").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(c.at("/byDomain/transport_mobility/target/doneShare").asDouble()).isCloseTo(67.0 / 131, within(1e-9));
        assertThat(c.at("/byDomain/energy_water_waste/delta/doneShare").asDouble()).isCloseTo(17.0 / 79 - 0.38, within(1e-9));
        assertThat(c.at("/byDomain/cross_cutting/base/absent").asBoolean()).isTrue();
        assertThat(c.at("/byDomain/cross_cutting/target/count").asInt()).isEqualTo(69);
        assertThat(texts(c.at("/topDomains/base"))).containsExactly("transport_mobility", "leisure_culture", "egov_ecitizenship");
        assertThat(texts(c.at("/topDomains/target"))).containsExactly("transport_mobility", "education", "egov_ecitizenship");
        // Attractiveness ranked third in 2013 (report); service quality first in both.
        assertThat(c.at("/motivations/ATTRACTIVENESS/base/rank").asInt()).isEqualTo(3);
        assertThat(c.at("/motivations/SERVICE_QUALITY/base/meanScore").asDouble()).isCloseTo(4.5, within(1e-9));
        assertThat(c.at("/motivations/SERVICE_QUALITY/target/meanScore").asDouble()).isCloseTo(98.0 / 21, within(1e-9));

        // The 14 collectivités of both editions (Nice among neither side's analysed set).
        JsonNode panel = query.get("/api/comparisons?base=bvn-2013&target=bvn-2014&panel=true", admin).json();
        assertThat(panel.get("panel").asBoolean()).isTrue();
        assertThat(panel.get("panelRespondents").asInt()).isEqualTo(panel.at("/base/respondents").asInt())
                .isEqualTo(panel.at("/target/respondents").asInt()).isBetween(1, 14);
        assertThat(panel.at("/target/projects").asInt()).isLessThan(815);
    }

    @Test
    void theProjectsExportAgreesWithTheSynthesis() {
        String cut = "asOf=closing&exclude=nice-metropole";
        Http.Reply csv = query.get("/api/campaigns/bvn-2014/exports/projects.csv?" + cut, admin);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv").contains("UTF-8");
        CsvFile projects = CsvFile.parse(csv.body(), ',');
        List<String> header = projects.header();
        assertThat(header.subList(0, 5)).containsExactly("campaign", "collectivite", "collectivite_name", "kind", "kind_label");
        assertThat(header).contains("status", "status_label", "domain", "domain_label");
        List<List<String>> data = projects.rows();
        assertThat(data).hasSize(815);

        JsonNode synthesis = synthesis("bvn-2014", cut);
        Map<String, Integer> perDomain = new HashMap<>();
        Map<String, Integer> done = new HashMap<>();
        int domain = header.indexOf("domain");
        int status = header.indexOf("status");
        int statusLabel = header.indexOf("status_label");
        for (List<String> row : data) {
            perDomain.merge(row.get(domain), 1, Integer::sum);
            if (row.get(status).equals("DONE")) {
                done.merge(row.get(domain), 1, Integer::sum);
                assertThat(row.get(statusLabel)).isEqualTo("Réalisé");
            }
        }
        synthesis.at("/projects/byDomain").fields().forEachRemaining(e -> {
            assertThat(perDomain.getOrDefault(e.getKey(), 0)).as(e.getKey()).isEqualTo(e.getValue().get("count").asInt());
            assertThat(done.getOrDefault(e.getKey(), 0)).as(e.getKey()).isEqualTo(e.getValue().at("/status/DONE").asInt());
        });
        assertThat(data.stream().map(r -> r.get(1)).distinct().count()).isEqualTo(28);

        Http.Reply respondents = query.get("/api/campaigns/bvn-2014/exports/respondents.csv?" + cut + "&delimiter=semicolon", admin);
        CsvFile people = CsvFile.parse(respondents.body(), ';');
        assertThat(people.rows()).hasSize(33);
        assertThat(people.header()).contains("works_in_digital", "rank_SERVICE_QUALITY", "actor_co_construction_city_citizens");
        assertThat(people.column("works_in_digital").stream().filter("true"::equals).count())
                .isEqualTo(synthesis.at("/respondents/worksInDigital/yes").asLong());

        assertThat(query.get("/api/campaigns/bvn-2014/exports/projects.csv?delimiter=pipe", admin).status()).isEqualTo(400);
        String analyst = user(unique("analyst"), "ANALYST", null);
        String respondent = user(unique("vannes.dsi"), "RESPONDENT", "vannes");
        assertThat(query.get("/api/campaigns/bvn-2014/exports/projects.csv", analyst).status()).isEqualTo(200);
        assertThat(query.get("/api/campaigns/bvn-2014/exports/projects.csv", respondent).status()).isEqualTo(403);
        assertThat(query.get("/api/comparisons?base=bvn-2013&target=bvn-2014", respondent).status()).isEqualTo(403);
        assertThat(query.get("/api/comparisons?base=bvn-2013", analyst).json().at("/errors/0/field").asText())
                .isEqualTo("target");
    }

    @Test
    void theFillInProgressShowsLateProxyAndUnfinishedRespondents() {
        Http.Reply reply = query.get("/api/campaigns/bvn-2014/progress?asOf=2014-05-07T23:59:59%2B02:00", admin);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode p = reply.json();
        assertThat(p.get("started").asInt()).isEqualTo(38);
        assertThat(p.get("late").asInt()).isEqualTo(4);
        Map<String, JsonNode> rows = new HashMap<>();
        p.get("items").forEach(i -> rows.put(i.get("collectivite").asText(), i));
        assertThat(rows.get("amiens-metropole").get("late").asBoolean()).isTrue();
        assertThat(rows.get("amiens-metropole").get("submitted").asBoolean()).isTrue();
        assertThat(rows.get("amiens-metropole").at("/sections/profile").asBoolean()).isFalse();
        assertThat(rows.get("nimes").get("submitted").asBoolean()).isFalse();
        assertThat(rows.get("nimes").get("late").asBoolean()).isFalse();
        assertThat(rows.get("annecy").at("/sections/projects").asBoolean()).isFalse();
        assertThat(rows.get("annecy").at("/sections/profile").asBoolean()).isTrue();
        assertThat(rows.get("chambery").at("/lastChange/onBehalfOf").asText()).isEqualTo("chambery");
        assertThat(rows.get("chambery").at("/lastChange/userId").asText()).isEqualTo(personId("bvn-team.amandine"));
        assertThat(rows.get("chambery").at("/lastChange/userName").asText()).isEqualTo("bvn-team.amandine");
        assertThat(rows.get("chambery").get("late").asBoolean()).isTrue();
        assertThat(rows.get("vannes").at("/sections/actorStatements").asInt()).isEqualTo(7);
        // A 2013-only collectivité is listed, not started: the team can chase it.
        assertThat(rows.get("marseille").get("started").asBoolean()).isFalse();
        // Sorted by last change, most recent first: nimes's last changes end on 5 May.
        assertThat(p.at("/items/0/collectivite").asText()).isEqualTo("nimes");

        assertThat(query.get("/api/campaigns/bvn-2014/progress?sort=size", admin).status()).isEqualTo(400);
        String analyst = user(unique("analyst"), "ANALYST", null);
        assertThat(query.get("/api/campaigns/bvn-2014/progress", analyst).status()).isEqualTo(403);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
