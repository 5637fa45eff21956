package io.barometer.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PostgreSQL restarted under writes (DESIGN §11, "the database may go away"): the writes caught in the outage
 * are refused with 503 and Retry-After, never acknowledged; both services report DOWN, then UP again without
 * being restarted; and every write that was acknowledged is in the event store and in the projection.
 */
class DatabaseRestartTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-for-restart-tests";
    static final String CAMPAIGN = "db-live";
    static final String CITY = "db-city";
    static final int WRITERS = 4;

    final Api api = new Api();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What a write got back: enough to judge a refusal by its status, type, Retry-After and body. */
    record Answer(int status, String contentType, String retryAfter, String body) {
    }

    @Test
    void aPostgresRestartDuringWritesLosesNoAcknowledgedWriteAndBothServicesComeBack() throws Exception {
        Path root = Path.of("..").toAbsolutePath();
        Stack.Settings settings = new Stack.Settings(root, Installations.fresh("db-restart-test-data"), null, null,
                null, Installations.freePort(), Installations.freePort(), Installations.freePort(), 0,
                Stack.randomSecret(), Stack.SERVICE_JVM_OPTIONS);
        try (Stack stack = Stack.start(settings, DatabaseRestartTest::say, db -> new String[] {ADMIN, ADMIN_PASSWORD})) {
            String c = stack.command().baseUrl();
            String q = stack.query().baseUrl();
            String admin = api.token(c, ADMIN, ADMIN_PASSWORD);
            Installations.openCampaign(api, c, admin, CAMPAIGN, "Baromètre redémarré", CITY, "Ville redémarrée");

            Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
            Queue<Answer> refused = new ConcurrentLinkedQueue<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Thread writer = new Thread(() -> {
                    while (writing.get()) {
                        String project = UUID.randomUUID().toString();
                        Answer answer = declare(c, admin, project);
                        if (answer == null) {
                            continue; // no answer at all is no acknowledgement either
                        }
                        if (answer.status() / 100 == 2) {
                            acknowledged.add(project);
                        } else {
                            refused.add(answer);
                        }
                    }
                });
                writer.start();
                writers.add(writer);
            }

            await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= 40);
            stack.restartDatabase(() -> {
                // While it is down, both services say so, and the writes caught in it are refused.
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    assertThat(health(c)).isEqualTo(503);
                    assertThat(health(q)).isEqualTo(503);
                });
                await().atMost(Duration.ofMinutes(1)).until(() -> !refused.isEmpty());
                // A read is refused the same way: query-service cannot answer from a database it cannot reach.
                Answer read = get(q + "/api/campaigns/" + CAMPAIGN + "/responses/" + CITY, admin);
                assertThat(read).isNotNull();
                assertThat(read.status()).as(read.body()).isEqualTo(503);
                assertThat(read.retryAfter()).isEqualTo("5");
                return null;
            });

            // Back without a restart of either service: healthy again, and writes acknowledged again.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(health(c)).isEqualTo(200);
                assertThat(health(q)).isEqualTo(200);
            });
            int afterRestart = acknowledged.size();
            await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= afterRestart + 40);
            writing.set(false);
            for (Thread writer : writers) {
                writer.join();
            }

            // Every refusal was the database's 503, as problem+json and with a time to come back; none a 500 or a 4xx.
            assertThat(refused).isNotEmpty().allSatisfy(answer -> {
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.contentType()).isEqualTo("application/problem+json");
                assertThat(answer.retryAfter()).isEqualTo("5");
                assertThat(answer.body()).contains("\"field\":\"database\"");
            });

            Set<String> stored = storedProjects(stack.database());
            assertThat(stored).containsAll(acknowledged);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> api.projectionLag(q) == 0);
            JsonNode view = api.get(q + "/api/campaigns/" + CAMPAIGN + "/responses/" + CITY, admin).json();
            Set<String> projected = new HashSet<>();
            view.get("projects").forEach(p -> projected.add(p.get("project").asText()));
            assertThat(projected).containsAll(acknowledged).isEqualTo(stored);
            say(acknowledged.size() + " writes acknowledged, " + refused.size() + " refused, "
                    + (stored.size() - acknowledged.size()) + " stored without an acknowledgement");
        }
    }

    /** One declaration; null when the service did not answer at all. */
    private Answer declare(String c, String token, String project) {
        String body = "{\"project\":\"" + project + "\",\"domain\":\"education\",\"label\":\"Projet " + project
                + "\",\"status\":\"STUDY\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(c + "/api/campaigns/" + CAMPAIGN + "/responses/" + CITY
                        + "/projects"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(1)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return answer(request);
    }

    private Answer answer(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Retry-After").orElse(null), r.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Answer get(String url, String token) {
        return answer(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(1)).build());
    }

    private int health(String base) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(20))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The projects declared on the response, read from the event store itself. */
    private static Set<String> storedProjects(Database db) throws Exception {
        Set<String> projects = new HashSet<>();
        try (Connection connection = db.connect(); PreparedStatement s = connection.prepareStatement(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type LIKE '%ProjectDeclared'")) {
            s.setString(1, CAMPAIGN + ":" + CITY);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    projects.add(Api.JSON.readTree(rs.getString(1)).get("projectId").asText());
                }
            }
        }
        return projects;
    }

    private static void say(String message) {
        System.out.println("[db-restart-test] " + message);
    }
}
