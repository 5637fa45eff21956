package io.barometer.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * ./run.sh --backup while answers are being written, then --restore into a fresh data directory: the restored
 * installation shows every view on both clocks, the audit and the accounts exactly as they stood at the backup.
 */
class BackupRestoreTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-for-backup-tests";
    static final String LIVE = "bk-live";
    final Api api = new Api();

    @Test
    void aBackupTakenDuringWritesRestoresEveryViewTheAuditAndTheAccounts() throws Exception {
        Path root = Path.of("..").toAbsolutePath();
        Path data = fresh("backup-test-data");
        Path restored = fresh("backup-test-restored");
        Path file = Path.of("target", "backup-test.zip").toAbsolutePath();
        Stack.Settings original = settings(root, data);
        Map<String, JsonNode> before = new LinkedHashMap<>();
        long eventsInBackup;
        try (Stack stack = Stack.start(original, BackupRestoreTest::say, db -> new String[] {ADMIN, ADMIN_PASSWORD})) {
            String c = stack.command().baseUrl();
            String q = stack.query().baseUrl();
            String admin = api.token(c, ADMIN, ADMIN_PASSWORD);
            assertThat(api.importFile(c, admin, root.resolve("datasets").resolve("bvn-2014.ndjson")).status()).isEqualTo(200);
            created(api.json("POST", c + "/api/users", admin, Map.of("username", "analyst.backup",
                    "password", "analyst-backup-password", "role", "ANALYST")));
            created(api.json("POST", c + "/api/users", admin, Map.of("username", "lille.backup",
                    "password", "lille-backup-password", "role", "RESPONDENT", "collectiviteId", "lille")));
            openLiveCampaign(c, admin);

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    try {
                        created(api.json("POST", c + "/api/campaigns/" + LIVE + "/responses/bk-city/projects", admin,
                                Map.of("project", UUID.randomUUID().toString(), "domain", "education",
                                        "label", "Projet " + written.get(), "status", "STUDY")));
                        written.incrementAndGet();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            writer.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> written.get() >= 20);
            int atBackup = written.get();
            eventsInBackup = Backups.backup(original, file, BackupRestoreTest::say).events();
            await().atMost(Duration.ofMinutes(1)).until(() -> written.get() >= atBackup + 20);
            writing.set(false);
            writer.join();
            awaitProjections(q);

            // With one writer, the backup holds the first events by position; views of the live campaign are
            // compared as of the recorded instant of the last of them.
            Instant last;
            try (Connection db = stack.database().connect(); ResultSet rs = db.createStatement().executeQuery(
                    "SELECT time_stamp FROM domain_event_entry ORDER BY global_index OFFSET " + (eventsInBackup - 1)
                            + " LIMIT 1")) {
                rs.next();
                last = Instant.parse(rs.getString(1));
            }
            assertThat(eventsInBackup).isLessThan(count(stack.database()));
            for (String view : views(last)) {
                before.put(view, api.get(q + view, admin).json());
            }
        }

        assertThatThrownBy(() -> Backups.restore(original, file, false, BackupRestoreTest::say))
                .hasMessageContaining("--force");
        Stack.Settings after = settings(root, restored);
        Backups.restore(after, file, false, BackupRestoreTest::say);
        try (Stack stack = Stack.start(after, BackupRestoreTest::say, db -> null)) {
            String c = stack.command().baseUrl();
            String q = stack.query().baseUrl();
            assertThat(count(stack.database())).isEqualTo(eventsInBackup);
            String admin = api.token(c, ADMIN, ADMIN_PASSWORD);
            api.token(c, "analyst.backup", "analyst-backup-password");
            String lille = api.token(c, "lille.backup", "lille-backup-password");
            assertThat(api.get(q + "/api/campaigns/bvn-2014/responses/lille", lille).status()).isEqualTo(200);
            awaitProjections(q);
            for (Map.Entry<String, JsonNode> view : before.entrySet()) {
                JsonNode now = api.get(q + view.getKey(), admin).json();
                assertThat(withoutProjection(now)).as(view.getKey()).isEqualTo(withoutProjection(view.getValue()));
            }
            // The sequence went on past the restored events: a new answer is stored, not refused as a duplicate.
            created(api.json("POST", c + "/api/campaigns/" + LIVE + "/responses/bk-city/projects", admin,
                    Map.of("project", UUID.randomUUID().toString(), "domain", "education", "label", "Après",
                            "status", "DONE")));
            assertThat(count(stack.database())).isEqualTo(eventsInBackup + 1);
        }
    }

    /**
     * A view without its {@code projection}: how far the projection had got against the store's head is a fact of
     * the installation when it was read (the original went on taking writes after the backup), not of the view.
     */
    private static JsonNode withoutProjection(JsonNode view) {
        JsonNode copy = view.deepCopy();
        if (copy instanceof ObjectNode o) {
            o.remove("projection");
        }
        return copy;
    }

    /** Every view on both clocks at the closing, after it and now, and the audit's pages, of both campaigns. */
    private static List<String> views(Instant lastInBackup) {
        List<String> views = new ArrayList<>();
        for (String basis : List.of("effective", "recorded")) {
            for (String asOf : List.of("closing", "2014-04-15T00:00:00Z", "2014-05-07T12:00:00Z")) {
                views.add("/api/campaigns/bvn-2014/synthesis?basis=" + basis + "&asOf=" + asOf);
                views.add("/api/campaigns/bvn-2014/responses/lille?basis=" + basis + "&asOf=" + asOf);
            }
            views.add("/api/campaigns/" + LIVE + "/synthesis?basis=" + basis + "&asOf=" + lastInBackup);
            views.add("/api/campaigns/" + LIVE + "/responses/bk-city?basis=" + basis + "&asOf=" + lastInBackup);
        }
        for (int page = 0; page < 3; page++) {
            views.add("/api/audit?campaign=bvn-2014&clock=effective&size=200&page=" + page);
        }
        views.add("/api/audit?campaign=" + LIVE + "&clock=recorded&to=" + lastInBackup + "&size=500");
        views.add("/api/comparisons?base=bvn-2014&target=bvn-2014");
        return views;
    }

    private void openLiveCampaign(String c, String admin) throws IOException {
        Installations.openCampaign(api, c, admin, LIVE, "Baromètre sauvegardé", "bk-city", "Ville sauvegardée");
    }

    private void awaitProjections(String q) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> api.projectionLag(q) == 0);
    }

    private static long count(Database db) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void created(Api.Reply reply) {
        Installations.created(reply);
    }

    private static Stack.Settings settings(Path root, Path data) throws IOException {
        return new Stack.Settings(root, data, null, null, null, freePort(), freePort(), freePort(), 0,
                Stack.randomSecret(), Stack.SERVICE_JVM_OPTIONS);
    }

    private static Path fresh(String name) throws IOException {
        return Installations.fresh(name);
    }

    private static int freePort() throws IOException {
        return Installations.freePort();
    }

    private static void say(String message) {
        System.out.println("[backup-test] " + message);
    }
}
