package io.barometer.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two command-services and two query-services on one PostgreSQL, started together on an empty database
 * (DESIGN §11, "several instances, one PostgreSQL"): concurrent writes through both lose nothing, If-Match
 * lets exactly one of two concurrent writers win, the query-services split the segments and count every
 * event once, and the survivor of a killed query-service takes its segments over and catches up.
 */
class MultiInstanceTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-for-instance-tests";
    static final String CAMPAIGN = "mi-live";
    static final String CITY = "mi-city";
    static final int DECLARATIONS = 240;
    static final int WRITERS = 8;

    final Api api = new Api();

    @Test
    void twoOfEachServiceOnOneDatabaseLoseNothingCountNothingTwiceAndSurviveAKilledQueryService() throws Exception {
        Path root = Path.of("..").toAbsolutePath();
        Path data = Installations.fresh("multi-instance-test-data");
        Path logs = data.resolve("logs");
        List<ServiceProcess> started = new ArrayList<>();
        Database db = Database.embedded(data.resolve("postgres"), Installations.freePort(), "barometer");
        try {
            Map<String, String> env = new HashMap<>();
            env.put("BAROMETER_DB_URL", db.url());
            env.put("BAROMETER_DB_USER", db.user());
            env.put("BAROMETER_DB_PASSWORD", db.password());
            env.put("BAROMETER_JWT_SECRET", Stack.randomSecret());
            // Two segments, and a thread for each in every instance: either can hold both, and they share them.
            env.put("BAROMETER_PROJECTION_SEGMENTS", "2");
            Map<String, String> firstCommand = new HashMap<>(env);
            firstCommand.put("BAROMETER_ADMIN_USER", ADMIN);
            firstCommand.put("BAROMETER_ADMIN_PASSWORD", ADMIN_PASSWORD);

            // All four at once, on an empty database: no one waits for another's migrations.
            ServiceProcess c1 = start(started, "command-1", "command-service", firstCommand, logs);
            ServiceProcess c2 = start(started, "command-2", "command-service", env, logs);
            ServiceProcess q1 = start(started, "query-1", "query-service", env, logs);
            ServiceProcess q2 = start(started, "query-2", "query-service", env, logs);
            for (ServiceProcess service : started) {
                service.awaitHealthy(Duration.ofMinutes(4));
            }
            String admin = api.token(c1.baseUrl(), ADMIN, ADMIN_PASSWORD);
            Installations.openCampaign(api, c1.baseUrl(), admin, CAMPAIGN, "Baromètre à plusieurs", CITY, "Ville à plusieurs");

            // Without If-Match, concurrent declarations spread over both command-services all succeed.
            List<String> commands = List.of(c1.baseUrl(), c2.baseUrl());
            ConcurrentLinkedQueue<Api.Reply> refused = new ConcurrentLinkedQueue<>();
            Set<String> declared = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int i = 0; i < DECLARATIONS; i++) {
                    String c = commands.get(i % 2);
                    writes.add(pool.submit(() -> {
                        String project = UUID.randomUUID().toString();
                        Api.Reply reply = declare(c, admin, project, null);
                        if (reply.status() / 100 == 2) {
                            declared.add(project);
                        } else {
                            refused.add(reply);
                        }
                        return null;
                    }));
                }
                for (Future<?> write : writes) {
                    write.get();
                }
                assertThat(refused).isEmpty();
                assertThat(declared).hasSize(DECLARATIONS);
                assertThat(storedDeclarations(db)).isEqualTo(DECLARATIONS);

                // With the same If-Match, two writers through different instances: exactly one wins, the other 412.
                for (int round = 0; round < 10; round++) {
                    // The version both writers saw: that of the latest write, through either instance.
                    Api.Reply latest = declare(commands.get(round % 2), admin, UUID.randomUUID().toString(), null);
                    created(latest);
                    long version = latest.json().get("version").asLong();
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<Future<Api.Reply>> pair = new ArrayList<>();
                    for (String c : commands) {
                        pair.add(pool.submit((Callable<Api.Reply>) () -> {
                            together.await();
                            return declare(c, admin, UUID.randomUUID().toString(), version);
                        }));
                    }
                    List<String> outcomes = new ArrayList<>();
                    for (Future<Api.Reply> reply : pair) {
                        int status = reply.get().status();
                        outcomes.add(status == 200 || status == 201 ? "written" : Integer.toString(status));
                    }
                    assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("written", "412");
                }
            } finally {
                pool.shutdownNow();
            }

            // The two query-services hold one segment each, and between them project every event once.
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> owners(db).equals(Set.of(q1.pid(), q2.pid())));
            // Caught up: each instance's own segment has reached the head. (Not minPosition: the ids a lost
            // collision consumed stay gaps in the index, and a view counts as complete only below the first.)
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> caughtUp(q1.baseUrl(), admin) && caughtUp(q2.baseUrl(), admin));
            String fingerprint = fingerprint(q1.baseUrl(), admin);
            assertThat(fingerprint(q2.baseUrl(), admin)).isEqualTo(fingerprint);
            assertThat(projects(api.get(q1.baseUrl() + "/api/campaigns/" + CAMPAIGN + "/responses/" + CITY, admin)
                    .json())).containsAll(declared).hasSize(DECLARATIONS + 20);

            // One query-service killed outright (no graceful release of its segment): the other claims it once
            // the claim has timed out, and projects what is written meanwhile.
            q2.kill();
            Set<String> later = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                String project = UUID.randomUUID().toString();
                created(declare(commands.get(i % 2), admin, project, null));
                later.add(project);
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> owners(db).equals(Set.of(q1.pid())));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> caughtUp(q1.baseUrl(), admin));
            JsonNode response = api.get(q1.baseUrl() + "/api/campaigns/" + CAMPAIGN + "/responses/" + CITY, admin).json();
            assertThat(projects(response)).containsAll(declared).containsAll(later).hasSize(DECLARATIONS + 40);

            // A replay by the one remaining instance gives the synthesis the two instances gave together.
            String before = fingerprint(q1.baseUrl(), admin);
            assertThat(before).isNotEqualTo(fingerprint);
            assertThat(api.json("POST", q1.baseUrl() + "/api/admin/replay", admin, null).status()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> caughtUp(q1.baseUrl(), admin));
            assertThat(fingerprint(q1.baseUrl(), admin)).isEqualTo(before);

            // Starting together on an empty database reported no failure: no lost race on the token table.
            for (ServiceProcess service : started) {
                assertThat(Files.readString(service.log())).as(service.name())
                        .doesNotContain("Fetch Segments for Processor").doesNotContain(" ERROR ");
            }
        } finally {
            // The services first: a database stopped under them would fill their logs with its absence.
            for (ServiceProcess service : started) {
                service.close();
            }
            db.close();
        }
    }

    /** Whether the processor segments this instance holds have reached the head of the store. */
    private boolean caughtUp(String q, String admin) throws IOException {
        return api.get(q + "/api/admin/replay", admin).json().path("caughtUp").asBoolean();
    }

    /**
     * The synthesis's fingerprint, without the "provisional:" that a gap in the index (an id a lost collision
     * consumed) puts before it: what is compared here is which events were counted, and how often.
     */
    private String fingerprint(String q, String admin) throws IOException {
        Api.Reply reply = api.get(q + "/api/campaigns/" + CAMPAIGN + "/synthesis", admin);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("fingerprint").asText().replaceFirst("^provisional:", "");
    }

    private static ServiceProcess start(List<ServiceProcess> started, String name, String module,
                                        Map<String, String> env, Path logs) throws IOException {
        Map<String, String> own = new HashMap<>(env);
        int port = Installations.freePort();
        own.put(module.equals("command-service") ? "BAROMETER_COMMAND_PORT" : "BAROMETER_QUERY_PORT",
                Integer.toString(port));
        List<String> options = new ArrayList<>(Stack.SERVICE_JVM_OPTIONS);
        ServiceProcess service = ServiceProcess.start(name, ServiceProcess.jar(Path.of("..").toAbsolutePath(), module),
                port, own, options, logs);
        started.add(service);
        return service;
    }

    private Api.Reply declare(String c, String token, String project, Long ifMatch) throws IOException {
        Map<String, Object> body = Map.of("project", project, "domain", "education", "label", "Projet " + project,
                "status", "STUDY");
        String url = c + "/api/campaigns/" + CAMPAIGN + "/responses/" + CITY + "/projects";
        return ifMatch == null ? api.json("POST", url, token, body) : api.json("POST", url, token, body, "\"" + ifMatch + "\"");
    }

    private static void created(Api.Reply reply) {
        Installations.created(reply);
    }

    private static Set<String> projects(JsonNode view) {
        Set<String> projects = new HashSet<>();
        view.get("projects").forEach(p -> projects.add(p.get("project").asText()));
        return projects;
    }

    /** The processes holding a segment of a query processor, by pid (Axon's owner is "pid@host"). */
    private static Set<Long> owners(Database db) throws Exception {
        Set<Long> owners = new HashSet<>();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT owner FROM query.token_entry WHERE owner IS NOT NULL")) {
            while (rs.next()) {
                owners.add(Long.parseLong(rs.getString(1).substring(0, rs.getString(1).indexOf('@'))));
            }
        }
        return owners;
    }

    private static long storedDeclarations(Database db) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + CAMPAIGN + ":" + CITY
                        + "' AND payload_type LIKE '%ProjectDeclared'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
