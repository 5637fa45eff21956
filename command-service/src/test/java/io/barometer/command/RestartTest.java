package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.updates.UpdateChecker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.command.response.Response;
import io.barometer.command.testing.CommandServiceTest;
import io.barometer.command.testing.EmbeddedPostgresSupport;
import io.barometer.command.testing.Http;

/**
 * Stop the service and start it again on the same database: every event is still there, and the
 * aggregates rebuilt from them (through a snapshot for the long response) enforce the same rules.
 */
class RestartTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CAMPAIGN = "restart-2014";
    static final String CITY = "restart-city";
    static final String BASE = "/api/campaigns/" + CAMPAIGN + "/responses/" + CITY;
    static final String PROJECT = "0b5e0c4a-7f1e-4f57-9d0e-2a9c6b1d3e01";
    static final int TOGGLES = 105;

    /** Everything that identifies a stored row; equal lists mean nothing was lost, changed or added. */
    record Row(long globalIndex, String eventId, String aggregate, long sequence, String payloadMd5, String metaMd5) {
    }

    static String[] args(String url) {
        return new String[] {
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--barometer.jwt.secret=" + CommandServiceTest.JWT_SECRET,
                "--barometer.admin.username=" + CommandServiceTest.ADMIN,
                "--barometer.admin.password=" + CommandServiceTest.ADMIN_PASSWORD,
                "--barometer.response-snapshot-events=100",
                "--server.port=0",
                "--spring.main.banner-mode=off"};
    }

    static Http http(ConfigurableApplicationContext context) {
        return new Http("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static List<Row> rows(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("""
                        SELECT global_index, event_identifier, aggregate_identifier, sequence_number,
                               md5(payload), md5(meta_data)
                        FROM domain_event_entry ORDER BY global_index
                        """)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    static String log() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(line("startResponse", "2014-01-06T09:00:00Z", "restart.dsi"));
        Map<String, Object> declare = new LinkedHashMap<>(Map.of("project", PROJECT, "domain", "education",
                "catalogueItem", "classroom_wifi", "status", "STUDY"));
        lines.add(line("declareProject", "2014-01-07T09:00:00Z", "restart.dsi", declare));
        Instant at = Instant.parse("2014-01-08T09:00:00Z");
        for (int i = 0; i < TOGGLES; i++) {
            lines.add(line("updateProgress", at.plus(i, ChronoUnit.HOURS).toString(), "restart.dsi",
                    Map.of("project", PROJECT, "status", i % 2 == 0 ? "IN_PROGRESS" : "DONE")));
        }
        // Repeats the state line TOGGLES left: a line that changes nothing, which a re-run must still skip.
        lines.add(line("updateProgress", "2014-02-20T09:00:00Z", "restart.dsi", Map.of("project", PROJECT, "status",
                TOGGLES % 2 == 1 ? "IN_PROGRESS" : "DONE")));
        return String.join("\n", lines) + "\n";
    }

    @SafeVarargs
    static String line(String op, String at, String by, Map<String, Object>... fields) throws Exception {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("op", op);
        line.put("at", at);
        line.put("by", by);
        line.put("campaign", CAMPAIGN);
        line.put("collectivite", CITY);
        for (Map<String, Object> f : fields) {
            line.putAll(f);
        }
        return JSON.writeValueAsString(line);
    }

    @Test
    void aRestartLosesNoEventAndTheRebuiltAggregatesKeepTheirRules() throws Exception {
        String url = EmbeddedPostgresSupport.freshDatabase();
        String adminToken;
        List<Row> before;
        String ndjson = log();
        Map<String, String> ndjsonType = Map.of("Content-Type", "application/x-ndjson");

        // Axon skips its update checker under test runners; pretend not to be one, as in production.
        System.setProperty("axoniq.usage.force-test-environment", "true");
        ConfigurableApplicationContext first;
        try {
            first = CommandServiceApplication.start(args(url));
        } finally {
            System.clearProperty("axoniq.usage.force-test-environment");
        }
        try (first) {
            assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
            assertThat(first.getBeanNamesForType(UpdateChecker.class)).isEmpty();

            Http http = http(first);
            adminToken = http.token(CommandServiceTest.ADMIN, CommandServiceTest.ADMIN_PASSWORD);
            assertThat(http.post("/api/campaigns", adminToken, Map.of("campaign", CAMPAIGN, "year", 2014,
                    "title", "Avant redémarrage", "opensAt", "2013-12-01T00:00:00+01:00",
                    "closesAt", "2014-03-15T23:59:59+01:00", "questionnaire", "bvn-2014")).status()).isEqualTo(201);
            assertThat(http.post("/api/collectivites", adminToken, Map.of("collectivite", CITY, "name", "Redémarre",
                    "kind", "COMMUNE", "region", "Bretagne", "population", 51000)).status()).isEqualTo(201);
            assertThat(http.post("/api/users", adminToken, Map.of("username", "restart.dsi", "password",
                    "restart-password-1", "role", "RESPONDENT", "collectiviteId", CITY)).status()).isEqualTo(201);

            Http.Reply imported = http.send("POST", "/api/import", adminToken, ndjson, ndjsonType);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(imported.json().path("applied").asInt()).isEqualTo(2 + TOGGLES);
            assertThat(imported.json().path("unchanged").asInt()).isEqualTo(1);

            String respondent = http.token("restart.dsi", "restart-password-1");
            Http.Reply actor = http.put(BASE + "/actors/co_construction_city_citizens", respondent,
                    Map.of("level", "AGREE"));
            assertThat(actor.header("ETag")).isEqualTo("\"" + (3 + TOGGLES) + "\"");

            long snapshots = first.getBean(JdbcClient.class)
                    .sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                    .param(Response.id(CAMPAIGN, CITY)).query(Long.class).single();
            assertThat(snapshots).as("a snapshot of the long response").isPositive();
            before = rows(first);
            assertThat(before).hasSize(2 + 3 + TOGGLES);
        }

        try (ConfigurableApplicationContext second = CommandServiceApplication.start(args(url))) {
            assertThat(rows(second)).isEqualTo(before);

            // The response is rebuilt from its snapshot, not replayed from its first event.
            DomainEventStream stream = second.getBean(EventStore.class).readEvents(Response.id(CAMPAIGN, CITY));
            DomainEventMessage<?> earliest = stream.peek();
            assertThat(earliest.getPayloadType()).isEqualTo(Response.class);
            assertThat(earliest.getSequenceNumber()).isGreaterThanOrEqualTo(99);

            Http http = http(second);
            String respondent = http.token("restart.dsi", "restart-password-1");
            long version = 3 + TOGGLES;
            String finalStatus = TOGGLES % 2 == 1 ? "IN_PROGRESS" : "DONE";

            Map<String, Object> sameProject = Map.of("project", PROJECT, "domain", "education",
                    "catalogueItem", "classroom_wifi", "status", "STUDY");
            Http.Reply retry = http.post(BASE + "/projects", respondent, sameProject);
            assertThat(retry.status()).as(retry.body()).isEqualTo(200);
            assertThat(retry.json().path("changed").asBoolean()).isFalse();
            assertThat(retry.header("ETag")).isEqualTo("\"" + version + "\"");

            Map<String, Object> otherContent = new LinkedHashMap<>(sameProject);
            otherContent.put("status", "DONE");
            Http.Reply conflict = http.post(BASE + "/projects", respondent, otherContent);
            assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);

            Http.Reply same = http.put(BASE + "/projects/" + PROJECT + "/progress", respondent,
                    Map.of("status", finalStatus));
            assertThat(same.json().path("changed").asBoolean()).isFalse();
            Http.Reply stale = http.send("PUT", BASE + "/projects/" + PROJECT + "/progress", respondent,
                    Map.of("status", "STUDY"), Map.of("If-Match", "\"" + (version - 1) + "\""));
            assertThat(stale.status()).isEqualTo(412);
            Http.Reply again = http.send("POST", "/api/import", adminToken, ndjson, ndjsonType);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().path("applied").asInt()).isZero();
            assertThat(rows(second)).isEqualTo(before);

            // A token of the first run is still good: same key, and the accounts were kept.
            Http.Reply moved = http.put("/api/campaigns/" + CAMPAIGN + "/deadline", adminToken,
                    Map.of("closesAt", "2014-03-31T23:59:59+02:00"));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().path("version").asLong()).isEqualTo(2);
            Http.Reply next = http.put(BASE + "/projects/" + PROJECT + "/progress", respondent, Map.of("status", "STUDY"));
            assertThat(next.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
            assertThat(rows(second)).hasSize(before.size() + 2);
        }
    }

    @Test
    void twoInstancesOnOneDatabaseNeitherCollideNorLoseAnUpdate() throws Exception {
        String url = EmbeddedPostgresSupport.freshDatabase();
        try (ConfigurableApplicationContext a = CommandServiceApplication.start(args(url));
             ConfigurableApplicationContext b = CommandServiceApplication.start(args(url))) {
            Http onA = http(a);
            Http onB = http(b);
            String admin = onA.token(CommandServiceTest.ADMIN, CommandServiceTest.ADMIN_PASSWORD);
            assertThat(onA.post("/api/campaigns", admin, Map.of("campaign", CAMPAIGN, "year", 2014, "title", "Deux",
                    "opensAt", "2013-12-01T00:00:00+01:00", "closesAt", "2014-03-15T23:59:59+01:00",
                    "questionnaire", "bvn-2014")).status()).isEqualTo(201);
            assertThat(onB.post("/api/collectivites", admin, Map.of("collectivite", CITY, "name", "Deux", "kind",
                    "COMMUNE", "region", "Bretagne", "population", 51000)).status()).isEqualTo(201);
            assertThat(onA.put(BASE, admin, null).header("ETag")).isEqualTo("\"1\"");
            Map<String, Object> project = Map.of("project", PROJECT, "domain", "education", "catalogueItem",
                    "classroom_wifi", "status", "STUDY");
            assertThat(onA.post(BASE + "/projects", admin, project).header("ETag")).isEqualTo("\"2\"");

            // B loads the response (version 2) and moves it on; A still holds version 2 in its cache.
            Http.Reply onBFirst = onB.put(BASE + "/profile", admin, Map.of("role", "ELECTED", "worksInDigital", true));
            assertThat(onBFirst.header("ETag")).isEqualTo("\"3\"");

            // A's cached copy is stale: its write collides on the sequence number, and is retried on fresh state.
            Http.Reply onAStale = onA.put(BASE + "/projects/" + PROJECT + "/progress", admin, Map.of("status", "DONE"));
            assertThat(onAStale.status()).as(onAStale.body()).isEqualTo(200);
            assertThat(onAStale.header("ETag")).isEqualTo("\"4\"");
            assertThat(onAStale.json().path("changed").asBoolean()).isTrue();

            // Now B's copy is stale (STUDY); setting STUDY again is a real change back from A's DONE, not a no-op.
            Http.Reply onBStale = onB.put(BASE + "/projects/" + PROJECT + "/progress", admin, Map.of("status", "STUDY"));
            assertThat(onBStale.status()).as(onBStale.body()).isEqualTo(200);
            assertThat(onBStale.json().path("changed").asBoolean()).isTrue();
            assertThat(onBStale.header("ETag")).isEqualTo("\"5\"");

            // A stale If-Match is still refused after the retry.
            Http.Reply onAIfMatch = onA.send("PUT", BASE + "/projects/" + PROJECT + "/progress", admin,
                    Map.of("status", "DONE"), Map.of("If-Match", "\"4\""));
            assertThat(onAIfMatch.status()).as(onAIfMatch.body()).isEqualTo(412);

            // Joining again from B, whose copy is now fresh, changes nothing.
            assertThat(onB.put(BASE, admin, null).json().path("changed").asBoolean()).isFalse();

            JdbcClient jdbc = a.getBean(JdbcClient.class);
            List<String> statuses = jdbc.sql("""
                            SELECT convert_from(payload, 'UTF8')::jsonb ->> 'status' FROM domain_event_entry
                            WHERE aggregate_identifier = ? AND payload_type = 'io.barometer.events.ProgressUpdated'
                            ORDER BY sequence_number
                            """).param(Response.id(CAMPAIGN, CITY)).query(String.class).list();
            assertThat(statuses).containsExactly("DONE", "STUDY");
            List<Long> sequences = jdbc
                    .sql("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY 1")
                    .param(Response.id(CAMPAIGN, CITY)).query(Long.class).list();
            assertThat(sequences).containsExactly(0L, 1L, 2L, 3L, 4L);
        }
    }
}
