package io.barometer.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.command.testing.Http;
import io.barometer.query.testing.AnswerLog;
import io.barometer.query.testing.CsvFile;
import io.barometer.query.testing.ServicesTest;

/**
 * Every column of both exports, row by row, against what the rest of the API says about the same
 * respondent as of the same cut-off: its response view, its history (the change counts, which the view
 * does not carry) and the campaign's questionnaire definition (the labels). The log has an on-time, a
 * post-deadline and a late respondent, one that never started, and texts holding quotes, delimiters and
 * line breaks; each file is read back by Jackson's RFC 4180 parser with each delimiter.
 */
class ExportColumnsTest extends ServicesTest {

    private static final Instant OPENS = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant CLOSES = Instant.parse("2020-03-15T23:00:00Z");
    private static final Map<String, Character> DELIMITERS = Map.of("comma", ',', "semicolon", ';', "tab", '\t');
    private static final List<String> MOTIVATIONS = List.of("SERVICE_QUALITY", "ATTRACTIVENESS",
            "SUSTAINABLE_DEVELOPMENT", "EXEMPLARITY", "BUDGET_EFFICIENCY");

    private static final String NAME = "Saint-Malo \"intra-muros\", côte; nord";
    private static final String LABEL = "Portail \"Mon compte\", phase 1;\r\nsuite\tfin";
    private static final String ORGANISATION = "Direction\ndu numérique, \"DSI\"";

    private static Instant days(int days) {
        return CLOSES.plus(Duration.ofDays(days));
    }

    private static String project() {
        return UUID.randomUUID().toString();
    }

    @Test
    void everyColumnOfBothExportsAgreesWithTheResponseViewAtEachCutOff() {
        String c = unique("columns");
        String onTime = unique("saint-malo"), edited = unique("lille"), late = unique("nice"), idle = unique("brest");
        String p1 = project(), p2 = project(), p3 = project(), dropped = project(), q1 = project(), r1 = project();
        AnswerLog log = new AnswerLog().open(c, OPENS, CLOSES, OPENS.minus(Duration.ofDays(10)))
                .register(onTime, NAME, "COMMUNE", "Bretagne", 46_000, OPENS.minus(Duration.ofDays(5)))
                .register(edited, "Lille", "METROPOLE", "Hauts-de-France", null, OPENS.minus(Duration.ofDays(5)))
                .register(late, "Nice", "COMMUNAUTE_URBAINE", "Provence-Alpes-Côte d'Azur", 340_000,
                        OPENS.minus(Duration.ofDays(5)))
                .register(idle, "Brest", "COMMUNE", "Bretagne", 139_000, OPENS.minus(Duration.ofDays(5)))

                .start(c, onTime, days(-30))
                .profile(c, onTime, "ELECTED", true, ORGANISATION, days(-29))
                .declare(c, onTime, p1, "education", "classroom_wifi", "STUDY", days(-28))
                .govern(c, onTime, p1, 1, 3, "REGIE", "UNILATERAL", "DEDICATED_TEAM", days(-27))
                .declareLabelled(c, onTime, p2, "transport_mobility", LABEL, "IN_PROGRESS", days(-26))
                .govern(c, onTime, p2, 4, 2, "MARCHE", null, "SEVERAL_PARTNERS", days(-25))
                .declare(c, onTime, p3, "security", "city_video_surveillance", "DONE", days(-24))
                .declare(c, onTime, dropped, "education", "tablets_in_schools", "STUDY", days(-23))
                .withdraw(c, onTime, dropped, days(-22))
                .progress(c, onTime, p1, "DONE", days(-21))
                .rank(c, onTime, List.of("ATTRACTIVENESS", "SERVICE_QUALITY", "BUDGET_EFFICIENCY", "EXEMPLARITY",
                        "SUSTAINABLE_DEVELOPMENT"), days(-20))
                .actor(c, onTime, "co_construction_city_citizens", "AGREE", days(-19))
                .actor(c, onTime, "priority_to_administration_interests", "STRONGLY_DISAGREE", days(-19))
                .submit(c, onTime, days(-18))

                .correct(edited, "population", 1_190_000, days(-16))
                .start(c, edited, days(-15))
                .profile(c, edited, "ADMIN_STAFF", false, null, days(-14))
                .declare(c, edited, q1, "energy_water_waste", "water_meters_and_leak_management", "DONE", days(-13))
                .govern(c, edited, q1, 2, 1, "PPP", "MULTI_PARTNER", "EXTERNAL_ACTOR", days(-12))
                // After the deadline: counted as of a later cut-off only.
                .progress(c, edited, q1, "IN_PROGRESS", days(3))
                .govern(c, edited, q1, 3, 4, "DSP", "CITIZEN_PARTICIPATION", "SINGLE_INTERNAL_LEAD", days(4))
                .actor(c, edited, "co_construction_city_citizens", "DISAGREE", days(5))
                .submit(c, edited, days(6))

                .start(c, late, days(2))
                .declareLabelled(c, late, r1, "security", "Vidéo-protection « gare », 2e tranche", "DONE", days(3))
                .govern(c, late, r1, 2, 3, "OTHER", "OTHER", null, days(4))
                .rank(c, late, List.of("SERVICE_QUALITY", "EXEMPLARITY", "ATTRACTIVENESS", "SUSTAINABLE_DEVELOPMENT",
                        "BUDGET_EFFICIENCY"), days(5))
                .submit(c, late, days(6))

                // After every cut-off below: no export nor view may show it yet.
                .correct(onTime, "name", "Saint-Malo (renamed)", days(40));
        importLog(log.ndjson());
        awaitProjections();

        JsonNode definition = query.get("/api/campaigns/" + c, admin).json().get("definition");
        List<String> everyone = List.of(onTime, edited, late, idle);
        Map<String, Map<String, String>> timeliness = new LinkedHashMap<>();
        for (String cut : List.of("closing", "2020-04-01T00:00:00Z")) {
            Map<String, JsonNode> views = views(c, everyone, cut);
            DELIMITERS.forEach((name, delimiter) -> {
                String parameters = "?asOf=" + cut + "&delimiter=" + name;
                CsvFile projects = CsvFile.parse(export(c, "projects.csv" + parameters), delimiter);
                assertThat(projects.header()).isEqualTo(ExportController.PROJECT_COLUMNS);
                checkProjects(c, projects, views, definition);
                CsvFile respondents = CsvFile.parse(export(c, "respondents.csv" + parameters), delimiter);
                checkRespondents(c, respondents, views, definition);
                // The texts that need quoting are there, whole: the comparisons above are not vacuous.
                assertThat(projects.column("label")).contains(LABEL);
                assertThat(projects.column("collectivite_name")).contains(NAME);
                assertThat(respondents.column("organisation")).contains(ORGANISATION);
                Map<String, String> byRespondent = new LinkedHashMap<>();
                respondents.records().forEach(r -> byRespondent.put(r.get("collectivite"), r.get("timeliness")));
                timeliness.put(cut, byRespondent);
            });
        }
        // The labels themselves, so that a view and an export wrong in the same way still fail.
        assertThat(timeliness.get("closing")).isEqualTo(Map.of(onTime, "ON_TIME", edited, "ON_TIME"));
        assertThat(timeliness.get("2020-04-01T00:00:00Z")).isEqualTo(Map.of(onTime, "ON_TIME",
                edited, "POST_DEADLINE_EDIT", late, "LATE_SUBMISSION"));
    }

    /** The response view of each collectivité that had started as of the cut-off. */
    private Map<String, JsonNode> views(String campaign, List<String> collectivites, String cut) {
        Map<String, JsonNode> views = new HashMap<>();
        for (String collectivite : collectivites) {
            Http.Reply view = responseView(campaign, collectivite, "asOf=" + cut);
            assertThat(view.status()).as(view.body()).isIn(200, 404);
            if (view.status() == 200) {
                views.put(collectivite, view.json());
            }
        }
        return views;
    }

    private void checkProjects(String campaign, CsvFile file, Map<String, JsonNode> views, JsonNode definition) {
        Set<String> expected = new HashSet<>();
        views.values().forEach(v -> v.get("projects").forEach(p -> expected.add(p.get("project").asText())));
        assertThat(file.column("project")).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        for (Map<String, String> row : file.records()) {
            JsonNode view = views.get(row.get("collectivite"));
            JsonNode place = view.get("collectiviteProfile");
            JsonNode p = projectOf(view, row.get("project"));
            JsonNode g = p.get("governance");
            Map<String, String> want = new LinkedHashMap<>();
            want.put("campaign", campaign);
            want.put("collectivite", view.get("collectivite").asText());
            want.put("collectivite_name", text(place.get("name")));
            want.put("kind", text(place.get("kind")));
            want.put("kind_label", label(definition.get("collectiviteKinds"), place.get("kind")));
            want.put("region", text(place.get("region")));
            want.put("late_respondent", String.valueOf(view.get("timeliness").asText().equals("LATE_SUBMISSION")));
            want.put("project", p.get("project").asText());
            want.put("domain", p.get("domain").asText());
            want.put("domain_label", label(definition.get("domains"), p.get("domain")));
            want.put("catalogue_item", text(p.get("catalogueItem")));
            want.put("catalogue_item_label", catalogueLabel(definition, p.get("catalogueItem")));
            want.put("label", text(p.get("label")));
            want.put("status", text(p.get("status")));
            want.put("status_label", label(definition.get("progressStatuses"), p.get("status")));
            want.put("status_score", field(definition.get("progressStatuses"), "key", p.get("status"), "score"));
            want.put("measure", text(g.get("measure")));
            want.put("measure_label", field(definition.get("measureLevels"), "level", g.get("measure"), "label"));
            want.put("means", text(g.get("means")));
            want.put("means_label", field(definition.get("meansLevels"), "level", g.get("means"), "label"));
            want.put("management_mode", text(g.get("managementMode")));
            want.put("management_mode_label", label(definition.get("managementModes"), g.get("managementMode")));
            want.put("decision_mode", text(g.get("decisionMode")));
            want.put("decision_mode_label", label(definition.get("decisionModes"), g.get("decisionMode")));
            want.put("coordination", text(g.get("coordination")));
            want.put("coordination_label", label(definition.get("coordinationModes"), g.get("coordination")));
            assertThat(row).as("project %s", row.get("project")).isEqualTo(want);
        }
    }

    private void checkRespondents(String campaign, CsvFile file, Map<String, JsonNode> views, JsonNode definition) {
        assertThat(file.column("collectivite")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(views.keySet());
        for (Map<String, String> row : file.records()) {
            String collectivite = row.get("collectivite");
            JsonNode view = views.get(collectivite);
            JsonNode place = view.get("collectiviteProfile");
            JsonNode profile = view.get("profile");
            long[] changes = changes(campaign, collectivite, Instant.parse(view.get("asOf").asText()),
                    Instant.parse(view.get("closesAt").asText()));
            Map<String, String> want = new LinkedHashMap<>();
            want.put("campaign", campaign);
            want.put("collectivite", collectivite);
            want.put("collectivite_name", text(place.get("name")));
            want.put("kind", text(place.get("kind")));
            want.put("kind_label", label(definition.get("collectiviteKinds"), place.get("kind")));
            want.put("region", text(place.get("region")));
            want.put("population", text(place.get("population")));
            want.put("started_at", instant(view.get("started")));
            want.put("late_respondent", String.valueOf(view.get("timeliness").asText().equals("LATE_SUBMISSION")));
            want.put("role", text(profile == null ? null : profile.get("role")));
            want.put("role_label", label(definition.get("respondentRoles"), profile == null ? null : profile.get("role")));
            want.put("works_in_digital", text(profile == null ? null : profile.get("worksInDigital")));
            want.put("organisation", text(profile == null ? null : profile.get("organisation")));
            want.put("projects", String.valueOf(view.get("projects").size()));
            want.put("submitted", view.get("submitted").asText());
            want.put("submitted_at", instant(view.get("submittedAt")));
            want.put("changes", String.valueOf(changes[0]));
            want.put("changes_after_closing", String.valueOf(changes[1]));
            want.put("timeliness", view.get("timeliness").asText());
            JsonNode ranking = view.at("/motivations/ranking");
            for (String m : MOTIVATIONS) {
                int rank = 0;
                for (int i = 0; i < ranking.size(); i++) {
                    if (ranking.get(i).asText().equals(m)) {
                        rank = i + 1;
                    }
                }
                want.put("rank_" + m, rank == 0 ? "" : String.valueOf(rank));
            }
            for (JsonNode statement : definition.get("actorStatements")) {
                String key = statement.get("key").asText();
                want.put("actor_" + key, text(view.get("actors").get(key)));
                want.put("actor_" + key + "_label", label(definition.get("agreementScale"), view.get("actors").get(key)));
            }
            assertThat(row).as("respondent %s", collectivite).isEqualTo(want);
        }
    }

    /**
     * The events of a response effective as of the cut-off, and those of them after the deadline, from its
     * history (one event may give several rows, one per field it changed).
     */
    private long[] changes(String campaign, String collectivite, Instant cut, Instant closes) {
        Http.Reply history = query.get("/api/campaigns/" + campaign + "/responses/" + collectivite + "/history?size=500",
                admin);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        Set<Long> counted = new HashSet<>();
        Set<Long> afterClosing = new HashSet<>();
        for (JsonNode item : history.json().get("items")) {
            Instant at = Instant.parse(item.get("effectiveAt").asText());
            if (campaign.equals(item.path("campaign").asText()) && !at.isAfter(cut)) {
                counted.add(item.get("eventPosition").asLong());
                if (at.isAfter(closes)) {
                    afterClosing.add(item.get("eventPosition").asLong());
                }
            }
        }
        return new long[] {counted.size(), afterClosing.size()};
    }

    private String export(String campaign, String fileAndQuery) {
        Http.Reply reply = query.get("/api/campaigns/" + campaign + "/exports/" + fileAndQuery, admin);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode projectOf(JsonNode view, String project) {
        for (JsonNode p : view.get("projects")) {
            if (p.get("project").asText().equals(project)) {
                return p;
            }
        }
        throw new AssertionError("project " + project + " is not in the view of " + view.get("collectivite"));
    }

    /** A cell as the export writes a JSON value: empty when absent or null ("not answered"). */
    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String instant(JsonNode value) {
        return value == null || value.isNull() ? "" : Instant.parse(value.asText()).toString();
    }

    private static String label(JsonNode choices, JsonNode key) {
        return field(choices, "key", key, "label");
    }

    /** {@code wanted} of the entry of {@code list} whose {@code keyField} is {@code key}; empty for no key. */
    private static String field(JsonNode list, String keyField, JsonNode key, String wanted) {
        if (key == null || key.isNull()) {
            return "";
        }
        for (JsonNode entry : list) {
            if (entry.get(keyField).asText().equals(key.asText())) {
                return entry.get(wanted).asText();
            }
        }
        throw new AssertionError("no " + key + " in " + list);
    }

    private static String catalogueLabel(JsonNode definition, JsonNode item) {
        if (item == null || item.isNull()) {
            return "";
        }
        for (JsonNode domain : definition.get("domains")) {
            for (JsonNode entry : domain.get("catalogue")) {
                if (entry.get("key").asText().equals(item.asText())) {
                    return entry.get("label").asText();
                }
            }
        }
        throw new AssertionError("no catalogue item " + item);
    }
}
