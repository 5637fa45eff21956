package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.command.testing.Http;
import io.barometer.query.testing.ServicesTest;

/** POST /api/admin/replay rebuilds every projection from the event store and the views come out the same. */
class ReplayTest extends ServicesTest {

    @Test
    void aReplayRebuildsTheProjectionsAndEveryViewGivesTheSameFigures() {
        String c = unique("replay"), a = unique("metz"), b = unique("tours");
        String p = UUID.randomUUID().toString();
        importLog(CutOffTest.campaign(c, a, b)
                .start(c, a, CutOffTest.days(-10)).profile(c, a, true, CutOffTest.days(-10))
                .declare(c, a, p, "education", "classroom_wifi", "STUDY", CutOffTest.days(-9))
                .progress(c, a, p, "DONE", CutOffTest.days(1))
                .actor(c, a, "co_construction_city_citizens", "AGREE", CutOffTest.days(-8))
                .start(c, b, CutOffTest.days(2))
                .declare(c, b, UUID.randomUUID().toString(), "security", "city_video_surveillance", "DONE", CutOffTest.days(3))
                .ndjson());
        awaitProjections();

        List<String> views = List.of("asOf=closing", CutOffTest.LATER, "basis=recorded",
                "asOf=closing&exclude=" + a, CutOffTest.LATER + "&lateRespondents=exclude");
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String v : views) {
            before.put(v, synthesis(c, v));
        }
        JsonNode responseBefore = responseView(c, a, CutOffTest.LATER).json();

        // A row no event accounts for: the reset handlers must clear it.
        JdbcClient jdbc = SERVICES.query.getBean(JdbcClient.class);
        jdbc.sql("""
                INSERT INTO answer_fact (global_index, campaign_id, collectivite_id, sequence_number, change, attribute,
                                         effective_at, recorded_at)
                VALUES (999999999999, ?, ?, 99, 'ResponseSubmitted', 'submission', now(), now())
                """).param(c).param(a).update();

        Http.Reply started = query.post("/api/admin/replay", admin, null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("processors")).hasSize(1);
        assertThat(started.json().at("/processors/0/name").asText()).isEqualTo("history");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode status = query.get("/api/admin/replay", admin).json();
            return status.get("caughtUp").asBoolean();
        });
        // A gap that a rolled-back write left in the store (LateCommitTest leaves one) is met again by the replay,
        // and holds the views provisional until PostgreSQL shows it settled, about a second after caught up.
        awaitProjections();
        JsonNode status = query.get("/api/admin/replay", admin).json();
        for (JsonNode processor : status.get("processors")) {
            assertThat(processor.get("running").asBoolean()).isTrue();
            assertThat(processor.get("position").asLong()).isEqualTo(status.get("head").asLong());
            assertThat(processor.get("lag").asLong()).isZero();
        }

        assertThat(jdbc.sql("SELECT count(*) FROM answer_fact WHERE global_index = 999999999999").query(Long.class)
                .single()).isZero();
        for (String v : views) {
            JsonNode after = synthesis(c, v);
            assertThat(after.get("fingerprint")).as(v).isEqualTo(before.get(v).get("fingerprint"));
            assertThat(after.get("eventsThrough")).as(v).isEqualTo(before.get(v).get("eventsThrough"));
        }
        assertThat(responseView(c, a, CutOffTest.LATER).json()).isEqualTo(responseBefore);
        assertThat(responseBefore.get("submitted").asBoolean()).isFalse();

        Http.Reply metrics = query.get("/actuator/prometheus", null);
        assertThat(metrics.body()).contains("barometer_projection_lag_events{application=\"query-service\",processor=\"history\"} 0.0");
    }
}
