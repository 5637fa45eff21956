package io.barometer.launcher.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.launcher.Api;
import io.barometer.launcher.Stack;

/**
 * The whole product as ./run.sh starts it — an embedded PostgreSQL, command-service, query-service and the
 * web as child JVMs — on free ports and a fresh data directory, started once for every browser test class
 * and stopped when the JVM ends. Each test works in collectivités of its own.
 */
final class WebStack {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-for-browser-tests";
    static final String CAMPAIGN = "bvn-web";
    static final String CLOSED_CAMPAIGN = "bvn-web-closed";

    private static WebStack instance;

    final Stack stack;
    final Api api = new Api();
    final String adminToken;
    /** The first admin's person id: what the events and the session name them by (issue #23). */
    final String adminId;
    /** Each account the tests made, by username: its person id. */
    private final Map<String, String> people = new java.util.concurrent.ConcurrentHashMap<>();

    private WebStack() throws Exception {
        Path data = Path.of("target", "web-test-data").toAbsolutePath();
        delete(data);
        Stack.Settings settings = new Stack.Settings(Path.of("..").toAbsolutePath(), data, null, null, null,
                freePort(), freePort(), freePort(), freePort(), Stack.randomSecret(), Stack.SERVICE_JVM_OPTIONS);
        stack = Stack.start(settings, message -> System.out.println("[web-test] " + message),
                db -> new String[] {ADMIN, ADMIN_PASSWORD});
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
            } catch (IOException e) {
                System.err.println("while stopping the stack: " + e);
            }
        }));
        adminToken = api.token(command(), ADMIN, ADMIN_PASSWORD);
        adminId = subjectOf(adminToken);
        // A campaign open now and closing in a year: answers given in the tests are on time.
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("campaign", CAMPAIGN);
        campaign.put("year", 2026);
        campaign.put("title", "Baromètre des villes numériques (essai)");
        campaign.put("opensAt", "2026-01-01T00:00:00Z");
        campaign.put("closesAt", java.time.Instant.now().plus(java.time.Duration.ofDays(365)).toString());
        campaign.put("questionnaire", "bvn-2014");
        expect(api.json("POST", command() + "/api/campaigns", adminToken, campaign), 201, 200);
        // And one closed at the end of January: what respondents give there is late.
        campaign.put("campaign", CLOSED_CAMPAIGN);
        campaign.put("title", "Baromètre des villes numériques (close)");
        campaign.put("closesAt", "2026-01-31T22:59:59Z");
        expect(api.json("POST", command() + "/api/campaigns", adminToken, campaign), 201, 200);
        // The 2013 and 2014 editions, for the analysts' pages: real figures to draw and compare.
        for (String edition : new String[] {"bvn-2013.ndjson", "bvn-2014.ndjson"}) {
            expect(api.importFile(command(), adminToken, Path.of("..", "datasets", edition)), 200);
        }
    }

    static synchronized WebStack get() throws Exception {
        if (instance == null) {
            instance = new WebStack();
        }
        return instance;
    }

    String web() {
        return stack.web().baseUrl();
    }

    String command() {
        return stack.command().baseUrl();
    }

    String query() {
        return stack.query().baseUrl();
    }

    /** A collectivité of the test's own with one respondent account per username given. */
    void collectivite(String id, String name, String... respondents) throws IOException {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("collectivite", id);
        c.put("name", name);
        c.put("kind", "COMMUNE");
        c.put("region", "Bretagne");
        c.put("population", 53000);
        c.put("parentId", null);
        expect(api.json("POST", command() + "/api/collectivites", adminToken, c), 201, 200);
        for (String username : respondents) {
            account(username, "RESPONDENT", id);
        }
    }

    void account(String username, String role, String collectivite) throws IOException {
        account(username, role, collectivite, username, null);
    }

    /** An account with a display name (and an e-mail) of its own; its person id is then {@link #personId}. */
    String account(String username, String role, String collectivite, String displayName, String email)
            throws IOException {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("username", username);
        u.put("password", password(username));
        u.put("role", role);
        u.put("collectiviteId", collectivite);
        u.put("displayName", displayName);
        u.put("email", email);
        String id = expect(api.json("POST", command() + "/api/users", adminToken, u), 201, 200).json()
                .path("personId").asText();
        people.put(username, id);
        return id;
    }

    /** The person id of an account a test made. */
    String personId(String username) {
        String id = people.get(username);
        if (id == null) {
            throw new IllegalArgumentException("no account " + username + " was made by the tests");
        }
        return id;
    }

    /** A token's subject (the person id), read as the web reads it: the service that issued it is ours. */
    private static String subjectOf(String token) throws IOException {
        byte[] claims = java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(claims).path("sub").asText();
    }

    static String password(String username) {
        return username + "-secret-password";
    }

    /** The synthesis as the API gives it, for comparing the page's figures with. */
    JsonNode synthesis(String campaign, String query) throws IOException {
        return expect(api.get(query() + "/api/campaigns/" + campaign + "/synthesis" + query, adminToken), 200).json();
    }

    /**
     * The response as query-service holds it now (as admin). Not there yet is an assertion's failure, so that
     * a test polling for it with Awaitility polls again.
     */
    JsonNode response(String collectivite) throws IOException {
        Api.Reply r = api.get(query() + "/api/campaigns/" + CAMPAIGN + "/responses/" + collectivite, adminToken);
        if (r.status() != 200) {
            throw new AssertionError("no view of " + collectivite + " yet: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** Waits until every projection has replayed and caught up with the head of the store. */
    void awaitProjectionsCaughtUp() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).untilAsserted(() -> {
            JsonNode status = expect(api.get(query() + "/api/admin/replay", adminToken), 200).json();
            assertCaughtUp(status);
        });
    }

    private static void assertCaughtUp(JsonNode status) {
        if (!status.path("caughtUp").asBoolean() || status.path("processors").isEmpty()) {
            throw new AssertionError("projections not caught up: " + status);
        }
        for (JsonNode p : status.path("processors")) {
            if (p.path("replaying").asBoolean() || p.path("lag").isNull() || p.path("lag").asLong() != 0) {
                throw new AssertionError("projections not caught up: " + status);
            }
        }
    }

    JsonNode history(String collectivite) throws IOException {
        return history(CAMPAIGN, collectivite);
    }

    JsonNode history(String campaign, String collectivite) throws IOException {
        return expect(api.get(query() + "/api/campaigns/" + campaign + "/responses/" + collectivite + "/history",
                adminToken), 200).json();
    }

    /** Ages every web session of a person (by person id) past the idle timeout, as 31 minutes idle would. */
    int expireSessionsOf(String personId) throws Exception {
        try (Connection c = stack.database().connect(); PreparedStatement s = c.prepareStatement("""
                UPDATE web.spring_session
                   SET last_access_time = last_access_time - 3600000, expiry_time = expiry_time - 3600000
                 WHERE principal_name = ?""")) {
            s.setString(1, personId);
            return s.executeUpdate();
        }
    }

    /** How many web sessions a person (by person id) holds, as Spring Session indexes them. */
    int sessionsOf(String personId) throws Exception {
        try (Connection c = stack.database().connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM web.spring_session WHERE principal_name = ?")) {
            s.setString(1, personId);
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** How many places of the web's session tables hold this text: a principal name, or an attribute's bytes. */
    int sessionPlacesHolding(String text) throws Exception {
        try (Connection c = stack.database().connect(); PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT count(*) FROM web.spring_session WHERE position(? IN principal_name) > 0)
                     + (SELECT count(*) FROM web.spring_session_attributes
                         WHERE position(convert_to(?, 'UTF8') IN attribute_bytes) > 0)""")) {
            s.setString(1, text);
            s.setString(2, text);
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    static Api.Reply expect(Api.Reply reply, int... statuses) {
        for (int status : statuses) {
            if (reply.status() == status) {
                return reply;
            }
        }
        throw new IllegalStateException("unexpected " + reply.status() + ": " + reply.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
