package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.barometer.command.testing.Http;

/** POST /api/import: an NDJSON answer log applied in order, stopping at the first bad line, harmless twice. */
class ImportApiTest extends ApiTest {

    /** Builds an answer log line by line, for a campaign and a collectivité of its own. */
    static final class Log {
        final String campaign = unique("imp");
        final String collectivite = unique("city");
        final List<String> lines = new ArrayList<>();

        Log line(String op, String at, String by, Object... fields) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("op", op);
            line.put("at", at);
            line.put("by", by);
            for (int i = 0; i < fields.length; i += 2) {
                line.put((String) fields[i], fields[i + 1]);
            }
            try {
                lines.add(JSON.writeValueAsString(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        Log raw(String text) {
            lines.add(text);
            return this;
        }

        Log opening() {
            return line("openCampaign", "2013-12-01T09:00:00+01:00", "bvn-team.claire", "campaign", campaign,
                    "year", 2014, "title", "Baromètre importé", "opensAt", OPENS_2014, "closesAt", CLOSES_2014,
                    "questionnaire", "bvn-2014")
                    .line("registerCollectivite", "2013-12-02T09:00:00+01:00", "bvn-team.claire",
                            "collectivite", collectivite, "name", "Ville importée", "kind", "COMMUNE",
                            "region", "Bretagne", "population", 70000, "parentId", null)
                    .line("startResponse", "2013-12-05T10:00:00+01:00", "city.dsi-1", "campaign", campaign,
                            "collectivite", collectivite);
        }

        Log progress(String at, String project, String status) {
            return line("updateProgress", at, "city.dsi-1", "campaign", campaign, "collectivite", collectivite,
                    "project", project, "status", status);
        }

        Log declare(String at, String project, String status) {
            return line("declareProject", at, "city.dsi-1", "campaign", campaign, "collectivite", collectivite,
                    "project", project, "domain", "education", "catalogueItem", "classroom_wifi", "status", status);
        }

        String text() {
            return String.join("\n", lines) + "\n";
        }

        String responseId() {
            return campaign + ":" + collectivite;
        }
    }

    Http.Reply importLog(String body) {
        return send("POST", "/api/import", admin, body, headers("Content-Type", "application/x-ndjson"));
    }

    static void assertCounts(Http.Reply reply, int lines, int applied, int unchanged) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("lines").asInt()).isEqualTo(lines);
        assertThat(reply.json().path("applied").asInt()).isEqualTo(applied);
        assertThat(reply.json().path("unchanged").asInt()).isEqualTo(unchanged);
    }

    static void assertRejected(Http.Reply reply, int line, String field) {
        assertProblem(reply, 422, field);
        assertThat(reply.json().path("line").asInt()).as(reply.body()).isEqualTo(line);
    }

    @Test
    void aBadLineStopsTheImportKeepsTheLinesBeforeAndTheCorrectedFileAppliesTheRest() {
        String p = newProject();
        Log bad = new Log();
        bad.opening()
                .declare("2014-01-10T10:00:00+01:00", p, "STUDY")
                .progress("2014-02-10T10:00:00+01:00", p, "FINISHED")
                .line("rateActorStatement", "2014-02-11T10:00:00+01:00", "city.dsi-1", "campaign", bad.campaign,
                        "collectivite", bad.collectivite, "statement", "co_construction_city_citizens", "level", "AGREE");
        long before = eventCount();

        Http.Reply rejected = importLog(bad.text());
        assertRejected(rejected, 5, "status");
        assertThat(rejected.json().path("applied").asInt()).isEqualTo(4);
        assertThat(eventCount()).isEqualTo(before + 4);
        assertThat(stored(bad.responseId())).extracting(ApiTest::simpleType)
                .containsExactly("ResponseStarted", "ProjectDeclared");

        Log corrected = new Log();
        corrected.lines.addAll(bad.lines);
        corrected.lines.set(4, bad.lines.get(4).replace("FINISHED", "DONE"));
        Http.Reply rest = importLog(corrected.text());
        assertCounts(rest, 6, 2, 4);
        assertThat(eventCount()).isEqualTo(before + 6);
        List<StoredEvent> events = stored(bad.responseId());
        assertThat(events).extracting(ApiTest::simpleType)
                .containsExactly("ResponseStarted", "ProjectDeclared", "ProgressUpdated", "ActorStatementRated");
        assertThat(events.get(2).payload().path("status").asText()).isEqualTo("DONE");

        Http.Reply again = importLog(corrected.text());
        assertCounts(again, 6, 0, 6);
        assertThat(eventCount()).isEqualTo(before + 6);
    }

    @Test
    void eachByBecomesAPersonOnFirstSightAndNoEventCarriesTheHandle() {
        String handle = unique("marie.le-goff");
        Log first = new Log();
        first.line("registerCollectivite", "2013-12-02T09:00:00+01:00", "bvn-team", "collectivite", first.collectivite,
                        "name", "Ville", "kind", "COMMUNE", "region", "Bretagne", "population", 70000)
                .line("openCampaign", "2013-12-01T09:00:00+01:00", "bvn-team", "campaign", first.campaign, "year", 2014,
                        "title", "T", "opensAt", "2013-12-01T00:00:00+01:00", "closesAt", "2014-03-15T23:59:59+01:00",
                        "questionnaire", "bvn-2014")
                .line("startResponse", "2013-12-05T10:00:00+01:00", handle, "campaign", first.campaign,
                        "collectivite", first.collectivite);
        assertCounts(importLog(first.text()), 3, 3, 0);
        String id = personId(handle);
        assertThat(jdbc.sql("SELECT collectivite_id FROM person WHERE id = ?::uuid").param(id).query(String.class).single())
                .as("a respondent's handle belongs to the collectivité it answered for").isEqualTo(first.collectivite);

        Log second = new Log();
        second.opening().line("startResponse", "2013-12-06T10:00:00+01:00", handle, "campaign", first.campaign,
                "collectivite", second.collectivite);
        importLog(second.text());
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE username = ?").param(handle).query(Long.class).single())
                .as("the same handle is the same person in every import").isEqualTo(1);
        assertThat(stored(first.campaign + ":" + second.collectivite).get(0).metaData().path("userId").asText())
                .isEqualTo(id);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE position(? IN convert_from(meta_data, 'UTF8')) > 0")
                .param(handle).query(Long.class).single()).isZero();
    }

    @Test
    void importedEventsCarryTheLinesAttribution() {
        String p = newProject();
        Log log = new Log();
        log.opening()
                .declare("2014-01-10T10:00:00+01:00", p, "STUDY")
                .line("updateProgress", "2014-03-20T09:30:00+01:00", "bvn-team.claire", "onBehalfOf", log.collectivite,
                        "reason", "Formulaire papier", "campaign", log.campaign, "collectivite", log.collectivite,
                        "project", p, "status", "DONE");
        Http.Reply reply = send("POST", "/api/import", admin, log.text(),
                headers("Content-Type", "application/x-ndjson", "X-Request-Id", "import-run-42"));
        assertCounts(reply, 5, 5, 0);
        assertThat(reply.header("X-Request-Id")).isEqualTo("import-run-42");

        List<StoredEvent> events = stored(log.responseId());
        var declared = events.get(1);
        assertThat(declared.metaData().path("source").asText()).isEqualTo("import");
        assertThat(declared.metaData().path("userId").asText()).isEqualTo(personId("city.dsi-1"));
        assertThat(declared.metaData().path("userRole").asText()).isEqualTo("RESPONDENT");
        assertThat(declared.metaData().path("importedBy").asText()).isEqualTo(personId(ADMIN));
        assertThat(declared.metaData().path("effectiveAt").asText()).isEqualTo("2014-01-10T09:00:00Z");
        assertThat(declared.metaData().path("requestId").asText()).isEqualTo("import-run-42");
        assertThat(declared.metaData().path("importKey").asText()).hasSize(64);
        assertThat(declared.metaData().has("onBehalfOf")).isFalse();
        // Recorded now, effective in 2014.
        assertThat(Instant.parse(declared.timestamp())).isAfter(Instant.now().minus(5, ChronoUnit.MINUTES));

        var onBehalf = events.get(2);
        assertThat(onBehalf.metaData().path("userId").asText()).isEqualTo(personId("bvn-team.claire"));
        assertThat(onBehalf.metaData().path("userRole").asText()).isEqualTo("ADMIN");
        assertThat(onBehalf.metaData().path("onBehalfOf").asText()).isEqualTo(log.collectivite);
        assertThat(onBehalf.metaData().path("reason").asText()).isEqualTo("Formulaire papier");
        assertThat(onBehalf.metaData().path("effectiveAt").asText()).isEqualTo("2014-03-20T08:30:00Z");

        var opened = last("campaign/" + log.campaign);
        assertThat(opened.metaData().path("userRole").asText()).isEqualTo("ADMIN");
        assertThat(opened.metaData().path("effectiveAt").asText()).isEqualTo("2013-12-01T08:00:00Z");
    }

    @Test
    void anExportedHistorysRecordedInstantIsToleratedAndItsRoleKeptInTheAudit() {
        String p = newProject();
        Log log = new Log();
        log.opening().line("declareProject", "2014-01-10T10:00:00+01:00", "bvn-team.claire", "byRole", "ADMIN",
                "recordedAt", "2014-01-12T08:00:00Z", "campaign", log.campaign, "collectivite", log.collectivite,
                "project", p, "domain", "education", "catalogueItem", "classroom_wifi");
        assertCounts(importLog(log.text()), 4, 4, 0);

        var declared = stored(log.responseId()).get(1);
        assertThat(declared.metaData().path("userId").asText()).isEqualTo(personId("bvn-team.claire"));
        assertThat(declared.metaData().path("userRole").asText()).isEqualTo("ADMIN");
        assertThat(declared.metaData().path("effectiveAt").asText()).isEqualTo("2014-01-10T09:00:00Z");
        // The recorded clock is this installation's own: the source's instant is not restated.
        assertThat(Instant.parse(declared.timestamp())).isAfter(Instant.now().minus(5, ChronoUnit.MINUTES));
        assertThat(declared.metaData().has("recordedAt")).isFalse();
    }

    @Test
    void anExportedLineMayNotClaimAnAnswerAfterItsRecordingNorARespondentForAnAdminsOp() {
        Log late = new Log();
        late.line("openCampaign", "2013-12-01T09:00:00+01:00", "bvn-team.claire", "recordedAt", "2013-11-30T09:00:00Z",
                "campaign", late.campaign, "year", 2014, "title", "Baromètre importé", "opensAt", OPENS_2014,
                "closesAt", CLOSES_2014, "questionnaire", "bvn-2014");
        assertRejected(importLog(late.text()), 1, "at");

        Log respondent = new Log();
        respondent.line("openCampaign", "2013-12-01T09:00:00+01:00", "bvn-team.claire", "byRole", "RESPONDENT",
                "campaign", respondent.campaign, "year", 2014, "title", "Baromètre importé", "opensAt", OPENS_2014,
                "closesAt", CLOSES_2014, "questionnaire", "bvn-2014");
        assertRejected(importLog(respondent.text()), 1, "byRole");
    }

    @Test
    void aLineThatChangedNothingChangesNothingOnASecondRunEither() {
        // Line 6 repeats the status line 5 set; line 7 then moves on. On a second run, line 6 must not
        // bring DONE back over line 7's IN_PROGRESS.
        String p = newProject();
        Log log = new Log().opening()
                .declare("2014-01-10T10:00:00+01:00", p, "STUDY")
                .progress("2014-01-20T10:00:00+01:00", p, "DONE")
                .progress("2014-01-21T10:00:00+01:00", p, "DONE")
                .progress("2014-02-01T10:00:00+01:00", p, "IN_PROGRESS");
        assertCounts(importLog(log.text()), 7, 6, 1);
        long events = eventsOf(log.responseId());

        assertCounts(importLog(log.text()), 7, 0, 7);
        assertThat(eventsOf(log.responseId())).isEqualTo(events);
        assertThat(last(log.responseId()).payload().path("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void eachKindOfBadLineIsNamed() {
        Log log = new Log().opening();
        assertCounts(importLog(log.text()), 3, 3, 0);
        String c = log.campaign;
        String x = log.collectivite;
        long before = eventCount();

        assertRejected(importLog("{\"op\":\"paintTheTown\",\"at\":\"2014-01-01T00:00:00Z\",\"by\":\"x\"}"), 1, "op");
        assertRejected(importLog("{\"at\":\"2014-01-01T00:00:00Z\",\"by\":\"x\"}"), 1, "op");
        assertRejected(importLog("{\"op\":null,\"at\":\"2014-01-01T00:00:00Z\",\"by\":\"x\"}"), 1, "op");
        assertRejected(importLog("\n\n{not json}\n"), 3, "line");
        assertRejected(importLog(line("startResponse", "campaign", c, "collectivite", x, "colour", "red")), 1, "colour");
        assertRejected(importLog(line("answerProfile", "campaign", c, "collectivite", x, "worksInDigital", true)), 1,
                "role");
        assertRejected(importLog(line("answerProfile", "campaign", c, "collectivite", x, "role", "ELECTED",
                "worksInDigital", "yes")), 1, "worksInDigital");
        assertRejected(importLog(line("answerProfile", "campaign", c, "collectivite", x, "role", "ELECTED",
                "worksInDigital", "true")), 1, "worksInDigital");
        assertRejected(importLog(line("scoreGovernance", "campaign", c, "collectivite", x, "project", newProject(),
                "measure", 2.5)), 1, "measure");
        assertRejected(importLog("{\"op\":\"submitResponse\",\"by\":\"x\",\"campaign\":\"" + c + "\",\"collectivite\":\""
                + x + "\"}"), 1, "at");
        assertRejected(importLog("{\"op\":\"submitResponse\",\"at\":\"2014-01-01T00:00:00\",\"by\":\"x\",\"campaign\":\""
                + c + "\",\"collectivite\":\"" + x + "\"}"), 1, "at");
        String future = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        assertRejected(importLog("{\"op\":\"submitResponse\",\"at\":\"" + future + "\",\"by\":\"x\",\"campaign\":\""
                + c + "\",\"collectivite\":\"" + x + "\"}"), 1, "at");
        assertRejected(importLog("{\"op\":\"submitResponse\",\"at\":\"2014-01-01T00:00:00Z\",\"campaign\":\""
                + c + "\",\"collectivite\":\"" + x + "\"}"), 1, "by");
        assertRejected(importLog(line("submitResponse", "campaign", c, "collectivite", x, "onBehalfOf", x)), 1, "reason");
        assertRejected(importLog(line("declareProject", "campaign", c, "collectivite", x, "project", newProject(),
                "domain", "space_travel", "label", "Fusée")), 1, "domain");
        assertRejected(importLog(line("declareProject", "campaign", c, "collectivite", x, "project", newProject(),
                "domain", "education", "label", "Tableaux", "governance", Map.of("measure", 9))), 1, "governance.measure");
        assertRejected(importLog(line("updateProgress", "campaign", c, "collectivite", x, "project", newProject(),
                "status", "DONE")), 1, "project");
        assertRejected(importLog(line("updateProgress", "campaign", c, "collectivite", x, "project", newProject(),
                "status", "FINISHED")), 1, "status");
        assertRejected(importLog(line("startResponse", "campaign", c, "collectivite", "atlantis")), 1, "collectivite");
        assertRejected(importLog(line("startResponse", "campaign", "no-such-campaign", "collectivite", x)), 1, "campaign");
        assertRejected(importLog(line("submitResponse", "campaign", c, "collectivite", registerCollectivite())), 1,
                "collectivite");
        before += 1;
        assertRejected(importLog(line("moveDeadline", "campaign", unique("none"), "closesAt", "2014-05-01T00:00:00Z")), 1,
                "campaign");
        assertRejected(importLog(line("correctCollectivite", "collectivite", x, "population", 71000)), 1, "reason");
        assertRejected(importLog(line("correctCollectivite", "collectivite", unique("none"), "population", 1,
                "reason", "r")), 1, "collectivite");
        assertRejected(importLog(line("rankMotivations", "campaign", c, "collectivite", x, "ranking",
                List.of("SERVICE_QUALITY"))), 1, "ranking");
        // A line's answer may not precede the response it belongs to.
        assertRejected(importLog("{\"op\":\"submitResponse\",\"at\":\"2013-12-04T10:00:00+01:00\",\"by\":\"x\","
                + "\"campaign\":\"" + c + "\",\"collectivite\":\"" + x + "\"}"), 1, "at");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void blankLinesCountButApplyNothing() {
        Log log = new Log().opening();
        String text = log.lines.get(0) + "\n\n" + log.lines.get(1) + "\n   \n" + log.lines.get(2);
        assertCounts(importLog(text), 5, 3, 0);
    }

    @Test
    void anImportIsNdjson() {
        long before = eventCount();
        Http.Reply reply = send("POST", "/api/import", admin, new Log().opening().text(),
                headers("Content-Type", "application/json"));
        assertProblem(reply, 415, "Content-Type");
        assertThat(eventCount()).isEqualTo(before);
    }

    static String line(String op, Object... fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("op", op);
        line.put("at", "2014-01-15T10:00:00+01:00");
        line.put("by", "someone");
        for (int i = 0; i < fields.length; i += 2) {
            line.put((String) fields[i], fields[i + 1]);
        }
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
