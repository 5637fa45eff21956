package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.command.testing.Http;
import io.barometer.query.testing.ServicesTest;

/**
 * The 2014 edition, imported through command-service, read back through query-service: every figure the
 * reference README lists for the published views (../shared/reference/README.md) comes out exactly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceSynthesisTest extends ServicesTest {

    static final String CAMPAIGN = "bvn-2014";
    static final String CLOSING_WITHOUT_NICE = "asOf=closing&exclude=nice-metropole";
    static final String MAY_7 = "asOf=2014-05-07T23:59:59%2B02:00";
    private static boolean imported;

    @BeforeEach
    void importOnce() throws Exception {
        if (!imported) {
            importLog(Files.readString(Path.of("..", "datasets", "bvn-2014.ndjson")));
            imported = true;
        }
        awaitProjections();
    }

    @Test
    @Order(1)
    void projectsPerDomainAsOfTheClosingWithoutNice() {
        JsonNode s = synthesis(CAMPAIGN, CLOSING_WITHOUT_NICE);
        assertThat(s.get("asOf").asText()).isEqualTo("2014-03-15T22:59:59Z");
        assertThat(s.get("basis").asText()).isEqualTo("effective");
        assertThat(s.get("excluded")).hasSize(1);
        assertThat(s.at("/respondents/count").asInt()).isEqualTo(33);
        assertThat(s.at("/projects/total").asInt()).isEqualTo(815);
        assertThat(s.at("/projects/respondents").asInt()).isEqualTo(28);
        assertThat(s.at("/timeliness/ON_TIME").asLong()).isPositive();
        assertThat(s.at("/timeliness/LATE_SUBMISSION").asLong()).isZero();
        assertThat(s.at("/timeliness/POST_DEADLINE_EDIT").asLong()).isZero();

        // domain: count, DONE, IN_PROGRESS, STUDY, no status, cities, min, max, chart counts
        domain(s, "education", 125, 61, 35, 29, 0, 26, 1, 15, 23, 17, 14, 13, 12, 11, 8);
        domain(s, "energy_water_waste", 79, 17, 34, 28, 0, 18, 1, 9, 12, 9, 9, 8, 8);
        domain(s, "leisure_culture", 86, 54, 12, 20, 0, 19, 1, 12, 16, 14, 14);
        domain(s, "transport_mobility", 131, 67, 16, 48, 0, 22, 1, 17, 13, 10, 10, 9, 8, 8, 7, 6);
        domain(s, "health_social", 29, 16, 5, 8, 0, 11, 1, 6, 4, 2, 2);
        domain(s, "security", 40, 25, 8, 7, 0, 20, 1, 5, 15, 9, 7);
        domain(s, "egov_ecitizenship", 117, 68, 23, 24, 2, 27, 1, 13, 15, 14, 13, 12, 11, 11, 7);
        domain(s, "buildings_urbanism", 75, 49, 11, 15, 0, 24, 1, 9, 15, 9);
        domain(s, "economic_development", 64, 21, 21, 22, 0, 24, 1, 8, 16, 8, 7, 5);
        domain(s, "cross_cutting", 69, 22, 16, 31, 0, 25, 1, 8, 17, 16);

        JsonNode education = s.at("/projects/byDomain/education");
        assertThat(education.at("/perRespondent/median").asDouble()).isEqualTo(4.5);
        assertThat(education.at("/perRespondent/mean").asDouble()).isEqualTo(125.0 / 26);
        assertThat(education.get("share").asDouble()).isEqualTo(125.0 / 815);
        assertThat(education.at("/statusShare/DONE").asDouble()).isEqualTo(61.0 / 125);
        assertThat(education.get("averageProgress").asDouble()).isEqualTo((61 * 3 + 35 * 2 + 29) / 125.0);
        assertThat(education.at("/topCatalogueItems/0/item").asText()).isEqualTo("digital_equipment_in_schools");
        // e-government: shares and average progress over the 115 projects whose status is answered.
        JsonNode egov = s.at("/projects/byDomain/egov_ecitizenship");
        assertThat(egov.at("/statusShare/DONE").asDouble()).isEqualTo(68.0 / 115);
        assertThat(egov.get("averageProgress").asDouble()).isEqualTo((68 * 3 + 23 * 2 + 24) / 115.0);
        assertThat(s.at("/projects/byDomain/leisure_culture/perRespondent/mean").asDouble()).isEqualTo(86.0 / 19);
        assertThat(s.at("/projects/byDomain/transport_mobility/statusShare/DONE").asDouble()).isEqualTo(67.0 / 131);
        assertThat(s.at("/projects/byDomain/buildings_urbanism/topCatalogueItems/0/item").asText())
                .isEqualTo("gis_implementation");
        assertThat(s.at("/projects/byDomain/economic_development/topCatalogueItems/0/item").asText())
                .isEqualTo("fibre_and_communication_network");
        assertThat(s.at("/projects/byDomain/cross_cutting/topCatalogueItems/0/item").asText()).isEqualTo("citizen_portal");
        assertThat(s.at("/projects/byDomain/cross_cutting/topCatalogueItems/1/item").asText()).isEqualTo("open_data");

        // The cities the README names at the top of their domain, through their response views.
        assertThat(projectsIn("toulouse-cu", "egov_ecitizenship")).isEqualTo(13);
        assertThat(projectsIn("toulouse-cu", "economic_development")).isEqualTo(8);
        assertThat(projectsIn("vannes", "buildings_urbanism")).isEqualTo(9);
        assertThat(projectsIn("bourges", "cross_cutting")).isEqualTo(8);
        assertThat(projectsIn("vannes", "cross_cutting")).isEqualTo(6);
        // Five cities declare 8 or more education projects.
        long bigEducation = respondentsWithProjects().stream().filter(c -> projectsIn(c, "education") >= 8).count();
        assertThat(bigEducation).isEqualTo(5);
    }

    @Test
    @Order(2)
    void governanceAsOfTheClosingWithoutNice() {
        JsonNode g = synthesis(CAMPAIGN, CLOSING_WITHOUT_NICE).get("governance");
        assertThat(g.get("projects").asInt()).isEqualTo(731);
        assertThat(g.get("withoutGovernance").asInt()).isEqualTo(84);
        assertThat(counts(g.at("/managementMode/distribution"))).isEqualTo(Map.of("DSP", 30, "REGIE", 264, "PPP", 6,
                "MARCHE", 182, "OTHER", 108, "NOT_ANSWERED", 141));
        assertThat(g.at("/managementMode/share/REGIE").asDouble()).isEqualTo(264.0 / 731);
        assertThat(counts(g.at("/decisionMode/distribution"))).isEqualTo(Map.of("UNILATERAL", 366,
                "CITIZEN_PARTICIPATION", 51, "MULTI_PARTNER", 161, "OTHER", 0, "NOT_ANSWERED", 153));
        assertThat(g.at("/byDomain/transport_mobility/projects").asInt()).isEqualTo(101);
        assertThat(g.at("/decisionMode/byDomain/transport_mobility/distribution/NOT_ANSWERED").asInt()).isEqualTo(54);
        assertThat(counts(g.at("/coordination/distribution"))).isEqualTo(Map.of("SINGLE_INTERNAL_LEAD", 205,
                "DEDICATED_TEAM", 190, "EXTERNAL_ACTOR", 95, "SEVERAL_PARTNERS", 87, "NOT_ANSWERED", 154));

        JsonNode measure = g.get("measure");
        assertThat(measure.get("answered").asInt()).isEqualTo(682);
        assertThat(measure.get("respondents").asInt()).isEqualTo(24);
        assertThat(counts(measure.get("distribution"))).isEqualTo(Map.of("1", 259, "2", 141, "3", 141, "4", 141,
                "NOT_ANSWERED", 731 - 682));
        assertThat(measure.get("mean").asDouble()).isEqualTo((259 + 2 * 141 + 3 * 141 + 4 * 141) / 682.0);
        assertThat(measure.get("mean").asDouble()).isCloseTo(2.24, within(0.005));
        JsonNode means = g.get("means");
        assertThat(means.get("answered").asInt()).isEqualTo(680);
        assertThat(means.get("respondents").asInt()).isEqualTo(25);
        assertThat(counts(means.get("distribution"))).isEqualTo(Map.of("1", 170, "2", 143, "3", 143, "4", 224,
                "NOT_ANSWERED", 731 - 680));
        assertThat(means.get("mean").asDouble()).isCloseTo(2.62, within(0.005));
        assertThat(means.at("/share/4").asDouble()).isEqualTo(224.0 / 680);
        // Measure and means are highest in transport, e-government, education and buildings.
        List<String> byMeasure = new ArrayList<>();
        measure.get("byDomain").fields().forEachRemaining(e -> byMeasure.add(e.getKey()));
        byMeasure.sort((a, b) -> Double.compare(measure.at("/byDomain/" + b + "/mean").asDouble(),
                measure.at("/byDomain/" + a + "/mean").asDouble()));
        assertThat(byMeasure.subList(0, 4)).containsExactlyInAnyOrder("transport_mobility", "egov_ecitizenship",
                "education", "buildings_urbanism");
    }

    @Test
    @Order(3)
    void motivationsAndActorsAsOfTheClosingWithoutNice() {
        JsonNode s = synthesis(CAMPAIGN, CLOSING_WITHOUT_NICE);
        JsonNode m = s.get("motivations");
        assertThat(m.get("respondents").asInt()).isEqualTo(21);
        motivation(m, "SERVICE_QUALITY", 98, 1, 15, 5, 1, 0, 0);
        motivation(m, "ATTRACTIVENESS", 79, 2, 5, 10, 3, 2, 1);
        motivation(m, "BUDGET_EFFICIENCY", 58, 3, 1, 4, 8, 5, 3);
        motivation(m, "SUSTAINABLE_DEVELOPMENT", 46, 4, 0, 2, 6, 7, 6);
        motivation(m, "EXEMPLARITY", 34, 5, 0, 0, 3, 7, 11);
        assertThat(m.at("/byMotivation/SERVICE_QUALITY/meanScore").asDouble()).isEqualTo(98.0 / 21);
        assertThat(m.at("/byMotivation/SERVICE_QUALITY/definitions/better_fit_to_user_expectations/1").asInt())
                .isEqualTo(14);
        JsonNode attractiveness = m.at("/byMotivation/ATTRACTIVENESS/definitionMeanRank");
        assertThat(attractiveness.get("for_businesses").asDouble()).isLessThan(attractiveness.get("for_residents").asDouble());
        assertThat(attractiveness.get("for_residents").asDouble()).isLessThan(attractiveness.get("for_tourists").asDouble());
        assertThat(m.at("/byMotivation/BUDGET_EFFICIENCY/definitions/efficient_use_of_resources/1").asInt()).isEqualTo(14);
        assertThat(m.at("/byMotivation/BUDGET_EFFICIENCY/definitions/accountability_to_residents/3").asInt()).isEqualTo(15);
        assertThat(m.at("/byMotivation/SUSTAINABLE_DEVELOPMENT/definitions/responsible_resource_management/1").asInt())
                .isEqualTo(15);
        assertThat(m.at("/byMotivation/EXEMPLARITY/definitions").size()).isZero();

        JsonNode a = s.get("actors");
        assertThat(a.get("respondents").asInt()).isEqualTo(21);
        actor(a, "priority_to_administration_interests", 2, 6, 11, 2, 0);
        actor(a, "priority_to_citizen_interests", 0, 2, 10, 9, 0);
        actor(a, "co_construction_city_citizens", 2, 6, 10, 3, 0);
        actor(a, "projects_serve_territory_interests", 1, 2, 6, 12, 0);
        actor(a, "common_interest_city_and_other_territories", 1, 5, 11, 4, 0);
        actor(a, "co_construction_city_companies", 2, 8, 9, 0, 2);
        actor(a, "projects_serve_company_interests", 2, 7, 10, 2, 0);
        assertThat(a.at("/byStatement/co_construction_city_citizens/agreeShare").asDouble()).isEqualTo(13.0 / 21);
        assertThat(a.at("/byStatement/projects_serve_territory_interests/agreeShare").asDouble()).isEqualTo(18.0 / 21);
    }

    @Test
    @Order(4)
    void withNiceAsOfTheClosing() {
        JsonNode s = synthesis(CAMPAIGN, "asOf=closing");
        assertThat(s.at("/projects/total").asInt()).isEqualTo(835);
        assertThat(s.at("/motivations/respondents").asInt()).isEqualTo(22);
        assertThat(s.get("excluded")).isEmpty();
    }

    @Test
    @Order(5)
    void theDatabaseOfMay7IncludesLateRespondentsAndPostDeadlineEdits() {
        JsonNode s = synthesis(CAMPAIGN, MAY_7);
        assertThat(s.at("/respondents/count").asInt()).isEqualTo(38);
        assertThat(s.at("/projects/total").asInt()).isEqualTo(889);
        assertThat(counts(s.get("timeliness"))).isEqualTo(Map.of("ON_TIME", 1712, "LATE_SUBMISSION", 74,
                "POST_DEADLINE_EDIT", 23));
        List<String> late = new ArrayList<>();
        for (String collectivite : respondentsAsOf(MAY_7)) {
            if (responseView(CAMPAIGN, collectivite, MAY_7).json().get("timeliness").asText().equals("LATE_SUBMISSION")) {
                late.add(collectivite);
            }
        }
        assertThat(late).containsExactlyInAnyOrder("amiens-metropole", "chambery", "chambery-ca", "strasbourg-cu");

        JsonNode kept = synthesis(CAMPAIGN, MAY_7 + "&exclude=nice-metropole&lateRespondents=exclude");
        assertThat(kept.at("/respondents/count").asInt()).isEqualTo(33);
        assertThat(kept.at("/projects/total").asInt()).isEqualTo(826);
        assertThat(kept.at("/motivations/respondents").asInt()).isEqualTo(22);
        assertThat(kept.get("lateRespondents").asText()).isEqualTo("exclude");
        assertThat(kept.at("/timeliness/LATE_SUBMISSION").asInt()).isZero();
        assertThat(kept.at("/timeliness/POST_DEADLINE_EDIT").asInt()).isEqualTo(23);
    }

    @Test
    @Order(6)
    void theProfileOfTheReportsParticipants() {
        JsonNode r = synthesis(CAMPAIGN, MAY_7 + "&exclude=amiens-metropole").get("respondents");
        assertThat(r.get("count").asInt()).isEqualTo(37);
        assertThat(counts(r.get("byKind"))).isEqualTo(Map.of("COMMUNE", 26, "COMMUNAUTE_AGGLOMERATION", 4,
                "COMMUNAUTE_URBAINE", 6, "METROPOLE", 1));
        assertThat(r.get("byRegion").size()).isEqualTo(16);
        assertThat(r.at("/byRegion/Île-de-France").asInt()).isEqualTo(8);
        assertThat(r.at("/byRegion/Nord-Pas-de-Calais").asInt()).isEqualTo(4);
        assertThat(r.at("/byRegion/Rhône-Alpes").asInt()).isEqualTo(4);
        assertThat(r.at("/byRegion/Aquitaine").asInt()).isEqualTo(3);
        assertThat(r.at("/byRegion/Bretagne").asInt()).isEqualTo(3);
        assertThat(counts(r.get("byPopulationBand"))).isEqualTo(Map.of("UNDER_100K", 17, "FROM_100K", 20, "UNKNOWN", 0));
        assertThat(counts(r.get("byRole"))).isEqualTo(Map.of("ELECTED", 0, "ADMIN_STAFF", 37, "NOT_ANSWERED", 0));
        assertThat(r.at("/worksInDigital/yes").asInt()).isEqualTo(25);
        assertThat(r.at("/worksInDigital/no").asInt()).isEqualTo(12);
        assertThat(r.at("/worksInDigital/share").asDouble()).isEqualTo(25.0 / 37);
    }

    @Test
    @Order(7)
    void populationsTheTeamFilledFromInseeAreUnknownBeforeTheCorrection() {
        String before = "asOf=2014-02-20T23:59:59%2B01:00";
        String after = "asOf=2014-02-22T00:00:00%2B01:00";
        for (String city : List.of("cannes", "calais", "lorient")) {
            assertThat(responseView(CAMPAIGN, city, before).json().at("/collectiviteProfile/population").isNull()).isTrue();
            assertThat(responseView(CAMPAIGN, city, after).json().at("/collectiviteProfile/population").asInt())
                    .isBetween(50_000, 99_999);
        }
        assertThat(synthesis(CAMPAIGN, before).at("/respondents/byPopulationBand/UNKNOWN").asInt()).isEqualTo(3);
        assertThat(synthesis(CAMPAIGN, after).at("/respondents/byPopulationBand/UNKNOWN").asInt()).isZero();
    }

    @Test
    @Order(8)
    void theSameQueryGivesTheSameFiguresAndFingerprint() {
        JsonNode first = synthesis(CAMPAIGN, CLOSING_WITHOUT_NICE);
        JsonNode again = synthesis(CAMPAIGN, "asOf=2014-03-15T23:59:59%2B01:00&exclude=nice-metropole");
        assertThat(again.get("fingerprint")).isEqualTo(first.get("fingerprint"));
        assertThat(again.get("eventsThrough")).isEqualTo(first.get("eventsThrough"));
        assertThat(first.get("fingerprint").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(synthesis(CAMPAIGN, MAY_7).get("fingerprint")).isNotEqualTo(first.get("fingerprint"));
        // Recorded basis: the whole log was stored at the import, after every effective instant of it.
        assertThat(synthesis(CAMPAIGN, "asOf=closing&basis=recorded").at("/respondents/count").asInt()).isZero();
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static void domain(JsonNode s, String domain, int count, int done, int inProgress, int study,
                               int noStatus, int cities, int min, int max, int... chart) {
        JsonNode d = s.at("/projects/byDomain/" + domain);
        assertThat(d.get("count").asInt()).as(domain).isEqualTo(count);
        assertThat(counts(d.get("status"))).as(domain).isEqualTo(Map.of("DONE", done, "IN_PROGRESS", inProgress,
                "STUDY", study, "NOT_ANSWERED", noStatus));
        assertThat(d.get("respondents").asInt()).as(domain).isEqualTo(cities);
        assertThat(d.at("/perRespondent/min").asInt()).as(domain).isEqualTo(min);
        assertThat(d.at("/perRespondent/max").asInt()).as(domain).isEqualTo(max);
        List<Integer> top = new ArrayList<>();
        d.get("topCatalogueItems").forEach(i -> top.add(i.get("count").asInt()));
        assertThat(top.subList(0, Math.min(top.size(), chart.length))).as(domain)
                .containsExactly(java.util.Arrays.stream(chart).boxed().toArray(Integer[]::new));
        if (top.size() > chart.length) {
            assertThat(top.get(chart.length)).as(domain + ": below the chart").isLessThanOrEqualTo(chart[chart.length - 1]);
        }
    }

    private static void motivation(JsonNode m, String key, int points, int rank, int... rankCounts) {
        JsonNode stats = m.at("/byMotivation/" + key);
        assertThat(stats.get("points").asInt()).as(key).isEqualTo(points);
        assertThat(stats.get("rank").asInt()).as(key).isEqualTo(rank);
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < rankCounts.length; i++) {
            expected.put(Integer.toString(i + 1), rankCounts[i]);
        }
        assertThat(counts(stats.get("rankCounts"))).as(key).isEqualTo(expected);
    }

    private static void actor(JsonNode a, String statement, int sd, int d, int agree, int sa, int notRated) {
        JsonNode stats = a.at("/byStatement/" + statement);
        assertThat(counts(stats.get("levels"))).as(statement).isEqualTo(Map.of("STRONGLY_DISAGREE", sd, "DISAGREE", d,
                "AGREE", agree, "STRONGLY_AGREE", sa));
        assertThat(stats.get("respondents").asInt()).as(statement).isEqualTo(sd + d + agree + sa);
        assertThat(stats.get("notRated").asInt()).as(statement).isEqualTo(notRated);
    }

    static Map<String, Integer> counts(JsonNode object) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    private int projectsIn(String collectivite, String domain) {
        Http.Reply view = responseView(CAMPAIGN, collectivite, "asOf=closing");
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        int n = 0;
        for (JsonNode p : view.json().get("projects")) {
            if (p.get("domain").asText().equals(domain)) {
                n++;
            }
        }
        return n;
    }

    /** The collectivités of the analysed set: those with projects as of the closing, Nice left out. */
    private List<String> respondentsWithProjects() {
        List<String> ids = new ArrayList<>();
        for (String c : respondentsAsOf("asOf=closing")) {
            if (!c.equals("nice-metropole") && responseView(CAMPAIGN, c, "asOf=closing").json().get("projects").size() > 0) {
                ids.add(c);
            }
        }
        assertThat(ids).hasSize(28);
        return ids;
    }

    private List<String> respondentsAsOf(String asOf) {
        List<String> ids = new ArrayList<>();
        for (String line : readLines()) {
            if (line.contains("\"op\": \"startResponse\"")) {
                String id = line.replaceAll(".*\"collectivite\": \"([^\"]+)\".*", "$1");
                if (responseView(CAMPAIGN, id, asOf).status() == 200) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static List<String> readLines() {
        try {
            return Files.readAllLines(Path.of("..", "datasets", "bvn-2014.ndjson"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
