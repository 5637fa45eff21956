package io.barometer.launcher;

import static io.barometer.launcher.Installations.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 23 end to end, on the installation ./run.sh starts (both services, the web, PostgreSQL, their logs): a
 * respondent answers through the API and signs in to the pages; an admin erases them. Afterwards the audit, the
 * history, the progress view, the CSV exports, the answer-log export, a replay, every row of every table and every
 * log line are searched for their username, display name and e-mail, and none is found, while every figure, the
 * fingerprint and the audit's rows (the same person id on each) are what they were.
 */
class PersonalDataErasureTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-for-erasure-tests";
    static final String USERNAME = "gwenaelle.morvan";
    static final String PASSWORD = "gwenaelle-password-1";
    static final String DISPLAY_NAME = "Gwenaëlle Morvan";
    static final String EMAIL = "g.morvan@quimper.example";
    static final String CAMPAIGN = "erase-2026";
    static final String CITY = "quimper";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final Api api = new Api();

    @Test
    void anErasedPersonsNameIsNowhereAndEveryFigureStays() throws Exception {
        Path data = Installations.fresh("erasure-test-data");
        Stack.Settings settings = new Stack.Settings(Path.of("..").toAbsolutePath(), data, null, null, null,
                Installations.freePort(), Installations.freePort(), Installations.freePort(), Installations.freePort(),
                Stack.randomSecret(), Stack.SERVICE_JVM_OPTIONS);
        try (Stack stack = Stack.start(settings, m -> System.out.println("[erasure-test] " + m),
                db -> new String[] {ADMIN, ADMIN_PASSWORD})) {
            String c = stack.command().baseUrl();
            String q = stack.query().baseUrl();
            String admin = api.token(c, ADMIN, ADMIN_PASSWORD);
            Installations.openCampaign(api, c, admin, CAMPAIGN, "Effacement", CITY, "Quimper");
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("username", USERNAME);
            account.put("password", PASSWORD);
            account.put("role", "RESPONDENT");
            account.put("collectiviteId", CITY);
            account.put("displayName", DISPLAY_NAME);
            account.put("email", EMAIL);
            Api.Reply createdAccount = api.json("POST", c + "/api/users", admin, account);
            created(createdAccount);
            String personId = createdAccount.json().path("personId").asText();

            // The respondent answers through the API and through the pages, and mistypes a password once.
            String token = api.token(c, USERNAME, PASSWORD);
            String response = c + "/api/campaigns/" + CAMPAIGN + "/responses/" + CITY;
            String project = UUID.randomUUID().toString();
            created(api.json("POST", response + "/projects", token, Map.of("project", project, "domain", "education",
                    "label", "Tablettes dans les écoles", "status", "STUDY")));
            created(api.json("PUT", response + "/projects/" + project + "/progress", token, Map.of("status", "DONE")));
            created(api.json("PUT", response + "/profile", token, Map.of("role", "ADMIN_STAFF", "worksInDigital", true)));
            assertThat(api.json("POST", c + "/api/auth/token", null, Map.of("username", USERNAME, "password", "wrong"))
                    .status()).isEqualTo(401);
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            String web = stack.web().baseUrl();
            String login = page(browser, web + "/login");
            Matcher csrf = CSRF.matcher(login);
            assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
            String home = post(browser, web + "/login", Map.of("_csrf", csrf.group(1), "username", USERNAME,
                    "password", PASSWORD));
            assertThat(home).contains("Mes questionnaires");
            page(browser, web + "/campaigns/" + CAMPAIGN + "/responses/" + CITY + "/projects");
            awaitProjections(q);

            String asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString();
            await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(Instant.parse(asOf)));
            Map<String, String> views = views(asOf);
            Map<String, String> before = read(q, admin, views);
            // The test can fail: before the erasure, the audit does name her.
            assertThat(before.get("audit")).contains(DISPLAY_NAME);
            JsonNode auditBefore = api.get(q + views.get("audit"), admin).json();
            try (Connection db = stack.database().connect()) {
                // The search can fail: before the erasure, the dump finds each of them.
                assertThat(dump(db)).contains(USERNAME, DISPLAY_NAME, EMAIL);
            }

            Api.Reply erased = api.json("POST", c + "/api/people/" + personId + "/erasure", admin,
                    Map.of("reason", "Demande d'effacement reçue par courrier"));
            assertThat(erased.status()).as(erased.body()).isEqualTo(200);

            Map<String, String> after = read(q, admin, views);
            assertNoName(after);
            JsonNode auditAfter = api.get(q + views.get("audit"), admin).json();
            assertThat(shape(auditAfter)).isEqualTo(shape(auditBefore));
            assertThat(auditAfter.path("items").findValuesAsText("userId")).contains(personId);
            for (JsonNode row : auditAfter.path("items")) {
                if (row.path("userId").asText().equals(personId)) {
                    assertThat(row.path("userName").asText()).isEqualTo("personne effacée");
                }
            }
            for (String figures : List.of("synthesis", "projects.csv", "respondents.csv")) {
                assertThat(after.get(figures)).as(figures).isEqualTo(before.get(figures));
            }
            // Her session on the pages is closed with her account: the page sends her to sign in.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    page(browser, web + "/campaigns/" + CAMPAIGN + "/responses/" + CITY + "/projects")
                            .contains("name=\"password\""));

            // A replay rebuilds every projection from the same events: the same figures, still no name.
            Api.Reply replay = api.json("POST", q + "/api/admin/replay", admin, null);
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.get(q + "/api/admin/replay", admin).json().path("caughtUp").asBoolean());
            Map<String, String> replayed = read(q, admin, views);
            assertNoName(replayed);
            assertThat(replayed.get("synthesis")).isEqualTo(before.get("synthesis"));
            assertThat(shape(api.get(q + views.get("audit"), admin).json())).isEqualTo(shape(auditBefore));

            try (Connection db = stack.database().connect()) {
                assertNoName(Map.of("every table", dump(db)));
            }
        }
        // Every line every service logged during the run, read once they stopped.
        try (Stream<Path> logs = Files.walk(data.resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                assertNoName(Map.of(log.toString(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8)));
            }
        }
    }

    private static Map<String, String> views(String asOf) {
        Map<String, String> views = new LinkedHashMap<>();
        String campaign = "/api/campaigns/" + CAMPAIGN;
        views.put("synthesis", campaign + "/synthesis?asOf=" + asOf);
        views.put("projects.csv", campaign + "/exports/projects.csv?asOf=" + asOf);
        views.put("respondents.csv", campaign + "/exports/respondents.csv?asOf=" + asOf);
        views.put("audit", "/api/audit?campaign=" + CAMPAIGN + "&size=500");
        views.put("history", campaign + "/responses/" + CITY + "/history");
        views.put("progress", campaign + "/progress");
        views.put("answer log", "/api/history.ndjson?campaign=" + CAMPAIGN);
        views.put("people", "/api/people?collectivite=" + CITY);
        return views;
    }

    /** Each view's body; the synthesis reduced to its fingerprint, which stands for every figure. */
    private Map<String, String> read(String q, String admin, Map<String, String> views) throws IOException {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (Map.Entry<String, String> view : views.entrySet()) {
            Api.Reply reply = api.get(q + view.getValue(), admin);
            assertThat(reply.status()).as(view.getKey() + ": " + reply.body()).isEqualTo(200);
            bodies.put(view.getKey(), view.getKey().equals("synthesis") ? reply.json().path("fingerprint").asText()
                    : reply.body());
        }
        return bodies;
    }

    /** The audit's rows without the names: who (by id), when, what, from which value to which. */
    private static List<String> shape(JsonNode audit) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : audit.path("items")) {
            rows.add(String.join("|", row.path("eventPosition").asText(), row.path("recordedAt").asText(),
                    row.path("userId").asText(), row.path("field").asText(), row.path("oldValue").toString(),
                    row.path("newValue").toString()));
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }

    private static void assertNoName(Map<String, String> texts) {
        texts.forEach((what, text) -> {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String personal : List.of(USERNAME, DISPLAY_NAME, EMAIL, "morvan")) {
                assertThat(lower).as(what + " must not hold " + personal).doesNotContain(personal.toLowerCase(Locale.ROOT));
            }
        });
    }

    /**
     * Every row of every table of the installation's schemas as text; binary columns (events' payloads and
     * metadata, sessions, tokens) with their printable bytes as they are, so that a name stored in them shows.
     */
    private static String dump(Connection db) throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (ResultSet rs = db.createStatement().executeQuery("""
                SELECT c.table_schema || '.' || c.table_name, c.column_name, c.data_type
                FROM information_schema.columns c JOIN information_schema.tables t
                  ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                WHERE c.table_schema IN ('public', 'query', 'web')
                ORDER BY 1, c.ordinal_position
                """)) {
            while (rs.next()) {
                String column = "\"" + rs.getString(2) + "\"";
                tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(3).equals("bytea")
                        ? "encode(" + column + ", 'escape')" : column + "::text");
            }
        }
        assertThat(tables).containsKeys("public.person", "public.account", "public.domain_event_entry",
                "query.answer_attribution", "web.spring_session_attributes");
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, List<String>> table : tables.entrySet()) {
            String row = table.getValue().stream().map(e -> "coalesce(" + e + ", '')").collect(Collectors.joining(" || '|' || "));
            try (ResultSet rs = db.createStatement().executeQuery("SELECT " + row + " FROM " + table.getKey())) {
                while (rs.next()) {
                    all.append(table.getKey()).append(": ").append(rs.getString(1)).append('\n');
                }
            }
        }
        // The escaped form spells é as \303\251: look for the accented name as its UTF-8 bytes would print too.
        return all + unescape(all.toString());
    }

    private static String unescape(String escaped) {
        Matcher octal = Pattern.compile("\\\\(\\d{3})").matcher(escaped);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int last = 0;
        while (octal.find()) {
            bytes.writeBytes(escaped.substring(last, octal.start()).getBytes(StandardCharsets.ISO_8859_1));
            bytes.write(Integer.parseInt(octal.group(1), 8));
            last = octal.end();
        }
        bytes.writeBytes(escaped.substring(last).getBytes(StandardCharsets.ISO_8859_1));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void awaitProjections(String q) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> api.projectionLag(q) == 0);
    }

    private static String page(HttpClient browser, String url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "fr").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(HttpClient browser, String url, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "fr")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
