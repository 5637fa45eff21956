package io.barometer.query;

import static io.barometer.query.CutOffTest.campaign;
import static io.barometer.query.CutOffTest.days;
import static io.barometer.query.CutOffTest.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.barometer.command.testing.Http;
import io.barometer.query.projection.History;
import io.barometer.query.replay.Projections;
import io.barometer.query.testing.AnswerLog;
import io.barometer.query.testing.ServicesTest;

/**
 * Every view says whether the projection had caught up with the store when it was computed (issue 24): an import
 * whose lines are not projected yet makes every view incomplete and the synthesis's fingerprint provisional;
 * {@code minPosition}, the position an import or a write answers, waits for them.
 */
class CompletenessTest extends ServicesTest {

    @Test
    void aViewTakenBeforeAnImportIsProjectedIsProvisionalAndTheCompleteOneIsFinal() {
        String c = unique("complete"), brest = unique("brest"), rennes = unique("rennes");
        Http.Reply first = importLog(campaign(c, brest, rennes)
                .start(c, brest, days(-20)).declare(c, brest, project(), "education", "classroom_wifi", "DONE", days(-19))
                .start(c, rennes, days(-18)).ndjson());
        long firstPosition = first.json().get("position").asLong();
        assertThat(first.header("X-Event-Position")).isEqualTo(Long.toString(firstPosition));

        // minPosition waits for the import: the campaign is there at once, without polling.
        JsonNode before = synthesis(c, "asOf=closing&minPosition=" + firstPosition);
        assertThat(before.at("/projection/position").asLong()).isGreaterThanOrEqualTo(firstPosition);
        assertThat(before.at("/respondents/count").asInt()).isEqualTo(2);
        assertThat(before.at("/projects/total").asInt()).isEqualTo(1);

        // The paper forms keyed in later, dated before the closing: they count as of the closing once projected.
        AnswerLog backdated = new AnswerLog()
                .declare(c, rennes, project(), "security", "city_video_surveillance", "STUDY", days(-5))
                .declare(c, brest, project(), "education", "digital_equipment_in_schools", "IN_PROGRESS", days(-4));
        StreamingEventProcessor history = SERVICES.query.getBean(Projections.class).processors().get(History.GROUP);
        history.shutDown();
        long position;
        try {
            Http.Reply second = importLog(backdated.ndjson());
            position = second.json().get("position").asLong();
            assertThat(position).isGreaterThan(firstPosition);

            JsonNode provisional = synthesis(c, "asOf=closing");
            assertThat(provisional.at("/projection/complete").asBoolean()).isFalse();
            assertThat(provisional.at("/projection/head").asLong()).isGreaterThanOrEqualTo(position);
            assertThat(provisional.at("/projection/position").asLong()).isLessThan(position);
            assertThat(provisional.get("fingerprint").asText()).isEqualTo("provisional:" + fingerprintOf(before));
            assertThat(provisional.at("/projects/total").asInt()).isEqualTo(1);

            // Every other view says the same, in its body or, for a file, in its headers.
            for (String path : new String[] {"/api/campaigns/" + c + "/responses/" + brest + "?asOf=closing",
                    "/api/campaigns/" + c + "/progress", "/api/comparisons?base=" + c + "&target=" + c,
                    "/api/audit?campaign=" + c, "/api/campaigns/" + c + "/responses/" + brest + "/history"}) {
                Http.Reply view = query.get(path, admin);
                assertThat(view.status()).as(path + ": " + view.body()).isEqualTo(200);
                assertThat(view.json().at("/projection/complete").asBoolean()).as(path).isFalse();
                assertThat(view.json().at("/projection/position").asLong()).as(path).isLessThan(position);
            }
            for (String path : new String[] {"/api/campaigns/" + c + "/exports/projects.csv",
                    "/api/campaigns/" + c + "/exports/respondents.csv", "/api/history.ndjson?campaign=" + c}) {
                Http.Reply file = query.get(path, admin);
                assertThat(file.status()).as(path).isEqualTo(200);
                assertThat(file.header("X-View-Complete")).as(path).isEqualTo("false");
                assertThat(Long.parseLong(file.header("X-Projection-Position"))).as(path).isLessThan(position);
                assertThat(Long.parseLong(file.header("X-Store-Head"))).as(path).isGreaterThanOrEqualTo(position);
            }

            // Asked to wait for the import, the view says how far behind the projection is (the test's wait: 1 s).
            Http.Reply behind = query.get("/api/campaigns/" + c + "/synthesis?asOf=closing&minPosition=" + position,
                    admin);
            assertThat(behind.status()).as(behind.body()).isEqualTo(503);
            assertThat(behind.header("Content-Type")).contains("application/problem+json");
            assertThat(behind.header("Retry-After")).isEqualTo("1");
            assertThat(behind.json().at("/errors/0/field").asText()).isEqualTo("minPosition");
            long projected = behind.json().get("projectedPosition").asLong();
            assertThat(projected).isLessThan(position);
            assertThat(behind.json().get("behind").asLong()).isEqualTo(position - projected);
        } finally {
            history.start();
        }

        JsonNode complete = synthesis(c, "asOf=closing&minPosition=" + position);
        assertThat(complete.at("/projection/complete").asBoolean()).isTrue();
        assertThat(complete.at("/projection/position").asLong()).isGreaterThanOrEqualTo(position);
        assertThat(complete.get("fingerprint").asText()).startsWith("sha256:").isNotEqualTo(fingerprintOf(before));
        assertThat(complete.at("/projects/total").asInt()).isEqualTo(3);
        // Final: the same parameters give the same view on every later call.
        assertThat(withoutProjection(synthesis(c, "asOf=closing"))).isEqualTo(withoutProjection(complete));
        assertThat(query.get("/api/campaigns/" + c + "/exports/projects.csv", admin).header("X-View-Complete"))
                .isEqualTo("true");
    }

    @Test
    void aWriteAnswersThePositionThatAViewWaitsFor() {
        String c = unique("written"), lorient = unique("lorient");
        importLog(campaign(c, lorient).ndjson());
        Http.Reply started = command.put("/api/campaigns/" + c + "/responses/" + lorient, admin, Map.of());
        assertThat(started.status()).as(started.body()).isIn(200, 201);
        long position = Long.parseLong(started.header("X-Event-Position"));

        Http.Reply view = responseView(c, lorient, "minPosition=" + position);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.json().at("/projection/position").asLong()).isGreaterThanOrEqualTo(position);
        assertThat(view.json().get("started").isNull()).isFalse();
    }

    @Test
    void aMinPositionThatIsNoPositionIsABadRequestNamingIt() {
        for (String bad : new String[] {"zero", "0", "-3", "1.5"}) {
            Http.Reply reply = query.get("/api/audit?minPosition=" + bad, admin);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/field").asText()).as(bad).isEqualTo("minPosition");
        }
    }

    private static String fingerprintOf(JsonNode synthesis) {
        return synthesis.get("fingerprint").asText();
    }

    private static JsonNode withoutProjection(JsonNode view) {
        ObjectNode copy = view.deepCopy();
        copy.remove("projection");
        return copy;
    }
}
