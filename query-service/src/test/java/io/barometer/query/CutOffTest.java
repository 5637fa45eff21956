package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.command.testing.Http;
import io.barometer.query.testing.AnswerLog;
import io.barometer.query.testing.ServicesTest;

/** Each case of DESIGN §5, written through command-service and read through query-service. */
class CutOffTest extends ServicesTest {

    static final Instant OPENS = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2020-03-15T23:00:00Z");
    static final String LATER = "asOf=2020-04-01T00:00:00Z";

    static Instant days(double days) {
        return CLOSES.plusSeconds(Math.round(days * 86_400));
    }

    /** A campaign closing at CLOSES and the given collectivités registered before it opens. */
    static AnswerLog campaign(String campaign, String... collectivites) {
        AnswerLog log = new AnswerLog().open(campaign, OPENS, CLOSES, OPENS.minusSeconds(86_400 * 10));
        for (String c : collectivites) {
            log.register(c, "COMMUNE", "Bretagne", 60_000, OPENS.minusSeconds(86_400 * 5));
        }
        return log;
    }

    static String project() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aLateRespondentIsAbsentAsOfTheClosingAndPresentLaterAndAViewOfThePastDoesNotChange() {
        String c = unique("late"), onTime = unique("vannes"), late = unique("strasbourg");
        importLog(campaign(c, onTime, late)
                .start(c, onTime, days(-10)).declare(c, onTime, project(), "education", "classroom_wifi", "STUDY", days(-9))
                .start(c, late, days(2)).declare(c, late, project(), "security", "city_video_surveillance", "DONE", days(3))
                .ndjson());
        awaitProjections();

        JsonNode closing = synthesis(c, "asOf=closing");
        assertThat(closing.at("/respondents/count").asInt()).isEqualTo(1);
        assertThat(closing.at("/projects/total").asInt()).isEqualTo(1);
        assertThat(counts(closing.get("timeliness"))).isEqualTo(Map.of("ON_TIME", 2, "LATE_SUBMISSION", 0,
                "POST_DEADLINE_EDIT", 0));
        Http.Reply absent = responseView(c, late, "asOf=closing");
        assertThat(absent.status()).isEqualTo(404);
        assertThat(absent.header("Content-Type")).contains("application/problem+json");

        JsonNode later = synthesis(c, LATER);
        assertThat(later.at("/respondents/count").asInt()).isEqualTo(2);
        assertThat(later.at("/projects/total").asInt()).isEqualTo(2);
        assertThat(counts(later.get("timeliness"))).isEqualTo(Map.of("ON_TIME", 2, "LATE_SUBMISSION", 2,
                "POST_DEADLINE_EDIT", 0));
        JsonNode view = responseView(c, late, LATER).json();
        assertThat(view.get("timeliness").asText()).isEqualTo("LATE_SUBMISSION");
        assertThat(view.at("/projects/0/timeliness").asText()).isEqualTo("LATE_SUBMISSION");
        assertThat(responseView(c, onTime, LATER).json().get("timeliness").asText()).isEqualTo("ON_TIME");

        JsonNode withoutLate = synthesis(c, LATER + "&lateRespondents=exclude");
        assertThat(withoutLate.at("/respondents/count").asInt()).isEqualTo(1);
        assertThat(withoutLate.at("/projects/total").asInt()).isEqualTo(1);
        assertThat(withoutLate.at("/timeliness/LATE_SUBMISSION").asInt()).isZero();

        // What arrives later with a later clock changes nothing as of the closing.
        importLog(new AnswerLog().declare(c, late, project(), "security", "mobile_natural_disaster_alerts", "STUDY",
                days(20)).ndjson());
        awaitProjections();
        JsonNode closingAgain = synthesis(c, "asOf=closing");
        assertThat(closingAgain.get("fingerprint")).isEqualTo(closing.get("fingerprint"));
        assertThat(closingAgain.get("eventsThrough")).isEqualTo(closing.get("eventsThrough"));
        assertThat(synthesis(c, "asOf=2020-04-10T00:00:00Z").at("/projects/total").asInt()).isEqualTo(3);
        assertThat(synthesis(c, LATER).get("fingerprint")).isEqualTo(later.get("fingerprint"));
    }

    @Test
    void aPostDeadlineEditIsAbsentAsOfTheClosingAndPresentLater() {
        String c = unique("edit"), lille = unique("lille");
        String p = project(), dropped = project();
        importLog(campaign(c, lille)
                .start(c, lille, days(-10))
                .declare(c, lille, p, "education", "classroom_wifi", "STUDY", days(-9))
                .declare(c, lille, dropped, "education", "tablets_in_schools", "DONE", days(-5))
                // At the closing instant itself: still on time.
                .progress(c, lille, p, "IN_PROGRESS", CLOSES)
                .progress(c, lille, p, "DONE", days(1))
                .withdraw(c, lille, dropped, days(2))
                .ndjson());
        awaitProjections();

        JsonNode closing = synthesis(c, "asOf=closing");
        assertThat(closing.at("/projects/total").asInt()).isEqualTo(2);
        assertThat(counts(closing.at("/projects/byDomain/education/status"))).containsEntry("IN_PROGRESS", 1)
                .containsEntry("DONE", 1);
        assertThat(counts(closing.get("timeliness"))).isEqualTo(Map.of("ON_TIME", 4, "LATE_SUBMISSION", 0,
                "POST_DEADLINE_EDIT", 0));
        JsonNode viewAtClosing = responseView(c, lille, "asOf=closing").json();
        assertThat(viewAtClosing.get("timeliness").asText()).isEqualTo("ON_TIME");
        JsonNode edited = projectOf(viewAtClosing, p);
        assertThat(edited.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(edited.get("timeliness").asText()).isEqualTo("ON_TIME");
        assertThat(Instant.parse(edited.get("lastChangedAt").asText())).isEqualTo(CLOSES);

        JsonNode later = synthesis(c, LATER);
        assertThat(later.at("/projects/total").asInt()).isEqualTo(1);
        assertThat(counts(later.at("/projects/byDomain/education/status"))).containsEntry("DONE", 1)
                .containsEntry("IN_PROGRESS", 0);
        assertThat(counts(later.get("timeliness"))).isEqualTo(Map.of("ON_TIME", 4, "LATE_SUBMISSION", 0,
                "POST_DEADLINE_EDIT", 2));
        JsonNode viewLater = responseView(c, lille, LATER).json();
        assertThat(viewLater.get("timeliness").asText()).isEqualTo("POST_DEADLINE_EDIT");
        assertThat(viewLater.get("projects")).hasSize(1);
        assertThat(projectOf(viewLater, p).get("timeliness").asText()).isEqualTo("POST_DEADLINE_EDIT");
        assertThat(Instant.parse(projectOf(viewLater, p).get("lastChangedAt").asText())).isEqualTo(days(1));
    }

    @Test
    void aBackdatedAdminEntryCountsAtItsEffectiveInstantOnTheEffectiveBasisAndWhenStoredOnTheRecordedBasis() {
        String c = unique("paper"), nice = unique("nice");
        importLog(campaign(c, nice).start(c, nice, days(-10)).ndjson());
        awaitProjections();
        Instant beforeEntry = Instant.now();

        String p = project();
        Http.Reply entered = command.send("POST", "/api/campaigns/" + c + "/responses/" + nice + "/projects", admin,
                Map.of("project", p, "domain", "egov_ecitizenship", "catalogueItem", "public_wifi", "status", "DONE"),
                Map.of("X-Effective-At", days(-1).toString(), "X-On-Behalf-Of", nice,
                        "X-Change-Reason", "Réponses transmises hors questionnaire en ligne"));
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        String version = entered.header("ETag").replace("\"", "");

        // minVersion waits for the projection, then the view holds the version the write returned.
        Http.Reply fresh = responseView(c, nice, "minVersion=" + version);
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.json().get("version").asText()).isEqualTo(version);
        Instant afterEntry = Instant.now();
        // A version never written: after the (test) wait of one second, 503 naming minVersion.
        Http.Reply behind = responseView(c, nice, "minVersion=" + (Long.parseLong(version) + 5));
        assertThat(behind.status()).isEqualTo(503);
        assertThat(behind.header("Retry-After")).isEqualTo("1");
        assertThat(behind.json().at("/errors/0/field").asText()).isEqualTo("minVersion");
        assertThat(behind.json().get("projectedVersion").asText()).isEqualTo(version);
        assertThat(responseView(c, nice, "minVersion=zero").json().at("/errors/0/field").asText()).isEqualTo("minVersion");

        JsonNode effective = synthesis(c, "asOf=closing");
        assertThat(effective.at("/projects/total").asInt()).isEqualTo(1);
        JsonNode view = responseView(c, nice, "asOf=closing").json();
        assertThat(projectOf(view, p).get("timeliness").asText()).isEqualTo("ON_TIME");
        assertThat(synthesis(c, "asOf=" + days(-2)).at("/projects/total").asInt()).isZero();

        // The database held nothing of this campaign at the closing: everything was stored afterwards.
        assertThat(synthesis(c, "asOf=closing&basis=recorded").at("/respondents/count").asInt()).isZero();
        JsonNode before = synthesis(c, "basis=recorded&asOf=" + beforeEntry);
        assertThat(before.at("/respondents/count").asInt()).isEqualTo(1);
        assertThat(before.at("/projects/total").asInt()).isZero();
        assertThat(responseView(c, nice, "basis=recorded&asOf=" + beforeEntry).json().get("projects")).isEmpty();
        JsonNode after = synthesis(c, "basis=recorded&asOf=" + afterEntry);
        assertThat(after.at("/projects/total").asInt()).isEqualTo(1);
        assertThat(after.get("basis").asText()).isEqualTo("recorded");
        assertThat(after.get("eventsThrough").asLong()).isGreaterThan(before.get("eventsThrough").asLong());
    }

    @Test
    void namedRespondentsCanBeExcludedAndBadParametersAreRefusedNamingThem() {
        String c = unique("exclude"), a = unique("nice"), b = unique("brest");
        importLog(campaign(c, a, b)
                .start(c, a, days(-10)).declare(c, a, project(), "education", "classroom_wifi", "DONE", days(-9))
                .start(c, b, days(-8)).declare(c, b, project(), "education", "classroom_wifi", "STUDY", days(-7))
                .declare(c, b, project(), "security", "city_video_surveillance", "STUDY", days(-7))
                .ndjson());
        awaitProjections();

        JsonNode all = synthesis(c, "asOf=closing");
        assertThat(all.at("/respondents/count").asInt()).isEqualTo(2);
        assertThat(all.at("/projects/byDomain/education/topCatalogueItems/0/count").asInt()).isEqualTo(2);
        JsonNode withoutA = synthesis(c, "asOf=closing&exclude=" + a + ",nobody-else");
        assertThat(withoutA.at("/respondents/count").asInt()).isEqualTo(1);
        assertThat(withoutA.at("/projects/total").asInt()).isEqualTo(2);
        assertThat(withoutA.at("/projects/byDomain/education/status/STUDY").asInt()).isEqualTo(1);
        assertThat(withoutA.at("/projects/byDomain/education/status/DONE").asInt()).isZero();
        assertThat(withoutA.get("excluded").toString()).contains(a);
        assertThat(withoutA.get("fingerprint")).isNotEqualTo(all.get("fingerprint"));

        for (var bad : Map.of("asOf=2020-03-15", "asOf", "basis=valid", "basis", "exclude=Nice%20M%C3%A9tropole",
                "exclude", "lateRespondents=maybe", "lateRespondents").entrySet()) {
            Http.Reply refused = query.get("/api/campaigns/" + c + "/synthesis?" + bad.getKey(), admin);
            assertThat(refused.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).contains("application/problem+json");
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo(bad.getValue());
        }
        Http.Reply badView = query.get("/api/campaigns/" + c + "/responses/" + a + "?basis=later", admin);
        assertThat(badView.status()).isEqualTo(400);
        assertThat(badView.json().at("/errors/0/field").asText()).isEqualTo("basis");
        assertThat(query.get("/api/campaigns/" + c + "?asOf=tomorrow", admin).json().at("/errors/0/field").asText())
                .isEqualTo("asOf");
        assertThat(query.get("/api/campaigns/" + unique("none") + "/synthesis", admin).status()).isEqualTo(404);
    }

    @Test
    void aMovedDeadlineMovesTheClosingAndRelabelsEveryChangeRetroactively() {
        String c = unique("moved"), early = unique("caen"), late = unique("chambery");
        String p = project();
        importLog(campaign(c, early, late)
                .start(c, early, days(-10)).declare(c, early, p, "education", "classroom_wifi", "STUDY", days(-9))
                .progress(c, early, p, "DONE", days(1))
                .start(c, late, days(2)).declare(c, late, project(), "security", "city_video_surveillance", "DONE", days(3))
                .ndjson());
        awaitProjections();
        assertThat(synthesis(c, "asOf=closing").at("/respondents/count").asInt()).isEqualTo(1);
        assertThat(counts(synthesis(c, LATER).get("timeliness"))).isEqualTo(Map.of("ON_TIME", 2, "LATE_SUBMISSION", 2,
                "POST_DEADLINE_EDIT", 1));

        moveDeadline(c, days(5));
        JsonNode closing = synthesis(c, "asOf=closing");
        assertThat(Instant.parse(closing.get("asOf").asText())).isEqualTo(days(5));
        assertThat(closing.at("/respondents/count").asInt()).isEqualTo(2);
        assertThat(closing.at("/projects/byDomain/education/status/DONE").asInt()).isEqualTo(1);
        assertThat(counts(synthesis(c, LATER).get("timeliness"))).isEqualTo(Map.of("ON_TIME", 5, "LATE_SUBMISSION", 0,
                "POST_DEADLINE_EDIT", 0));
        assertThat(synthesis(c, LATER + "&lateRespondents=exclude").at("/respondents/count").asInt()).isEqualTo(2);
        assertThat(responseView(c, late, LATER).json().get("timeliness").asText()).isEqualTo("ON_TIME");
        assertThat(query.get("/api/campaigns/" + c, admin).json().get("closesAt").asText()).isEqualTo(days(5).toString());

        // Earlier than the first declaration: that declaration and the progress become post-deadline edits.
        moveDeadline(c, days(-9.5));
        assertThat(counts(synthesis(c, LATER).get("timeliness"))).isEqualTo(Map.of("ON_TIME", 1, "LATE_SUBMISSION", 2,
                "POST_DEADLINE_EDIT", 2));
        JsonNode closingNow = synthesis(c, "asOf=closing");
        assertThat(closingNow.at("/respondents/count").asInt()).isEqualTo(1);
        assertThat(closingNow.at("/projects/total").asInt()).isZero();
    }

    private void moveDeadline(String campaign, Instant closesAt) {
        Http.Reply moved = command.put("/api/campaigns/" + campaign + "/deadline", admin, Map.of("closesAt", closesAt.toString()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        awaitProjections();
        // The directory processor may lag the answers one; wait for this deadline to be the one read.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                closesAt.toString().equals(query.get("/api/campaigns/" + campaign, admin).json().get("closesAt").asText()));
    }

    private static JsonNode projectOf(JsonNode view, String project) {
        for (JsonNode p : view.get("projects")) {
            if (p.get("project").asText().equals(project)) {
                return p;
            }
        }
        throw new AssertionError("no project " + project + " in " + view);
    }

    static Map<String, Integer> counts(JsonNode object) {
        return ReferenceSynthesisTest.counts(object);
    }
}
