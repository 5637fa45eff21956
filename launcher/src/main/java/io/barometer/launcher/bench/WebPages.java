package io.barometer.launcher.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.barometer.launcher.Api;

/**
 * The web pages' figures of DESIGN §9: a respondent's questionnaire page on a response of 300 events, an
 * answer saved and confirmed (the htmx request a changed field sends: one command, the section sent back), and
 * an analyst's dashboard (the synthesis page). Timed at the client over loopback, as a browser would wait for
 * them: the server's time plus a local transfer, so an upper bound of it.
 */
final class WebPages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("id=\"page-version\" name=\"pageVersion\" value=\"(\\d+)\"");

    private final Api api;
    private final String web;
    private final String command;
    private final String adminToken;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

    WebPages(Api api, String web, String command, String adminToken) {
        this.api = api;
        this.web = web;
        this.command = command;
        this.adminToken = adminToken;
    }

    /**
     * A response of {@code events} events, a respondent signed in to it, then the page and the saves timed; the
     * dashboard, an analyst's page, is timed by the caller with {@link #analyst()}.
     */
    Results.Web measure(int events, int repetitions) throws Exception {
        String campaign = "bench-web";
        String coll = "web-heavy";
        check(api.json("POST", command + "/api/campaigns", adminToken, Map.of("campaign", campaign, "year", 2022,
                "title", "Benchmark web", "opensAt", "2021-12-01T00:00:00Z", "closesAt", "2099-03-15T23:59:59Z",
                "questionnaire", "bvn-2014")), "open " + campaign);
        check(api.json("POST", command + "/api/collectivites", adminToken, Map.of("collectivite", coll, "name",
                "Web heavy", "kind", "COMMUNE", "region", "Bretagne", "population", 60000)), "register " + coll);
        check(api.json("POST", command + "/api/users", adminToken, Map.of("username", "bench-respondent", "password",
                "bench-respondent-password", "role", "RESPONDENT", "collectiviteId", coll)), "respondent");
        String response = command + "/api/campaigns/" + campaign + "/responses/" + coll;
        long written = version(api.json("PUT", response, adminToken, null), "start");
        String[] projects = new String[10];
        String[] domains = {"education", "energy_water_waste", "leisure_culture", "transport_mobility", "health_social",
                "security", "egov_ecitizenship", "buildings_urbanism", "economic_development", "cross_cutting"};
        for (int p = 0; p < projects.length; p++) {
            projects[p] = java.util.UUID.randomUUID().toString();
            written = version(api.json("POST", response + "/projects", adminToken, Map.of("project", projects[p],
                    "domain", domains[p], "label", "Projet " + p, "status", "STUDY")), "declare");
        }
        // Each project in turn moves to the next status (a change each time: an unchanged status stores nothing).
        String[] statuses = {"IN_PROGRESS", "DONE", "STUDY"};
        int[] next = new int[projects.length];
        for (int e = 0; written < events; e++) {
            int p = e % projects.length;
            written = version(api.json("PUT", response + "/projects/" + projects[p] + "/progress", adminToken,
                    Map.of("status", statuses[next[p]++ % statuses.length])), "progress");
        }

        signIn("bench-respondent", "bench-respondent-password");
        String page = web + "/campaigns/" + campaign + "/responses/" + coll + "/projects";
        // The read side holds every event before the page is timed: the first call waits for it if needed.
        String html = awaitVersion(page, written);
        Stats pages = new Stats();
        for (int i = 0; i < repetitions + 1; i++) {
            long t0 = System.nanoTime();
            html = get(page);
            if (i > 0) {
                pages.add((System.nanoTime() - t0) / 1e6);
            }
        }
        int pageBytes = html.length();

        String actors = web + "/campaigns/" + campaign + "/responses/" + coll + "/actors";
        String actorsHtml = get(actors);
        String csrf = first(CSRF, actorsHtml);
        long version = Long.parseLong(first(VERSION, actorsHtml));
        String statement = "level.co_construction_city_citizens";
        String was = "";
        Stats saves = new Stats();
        for (int i = 0; i < repetitions + 1; i++) {
            String level = i % 2 == 0 ? "AGREE" : "DISAGREE";
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", csrf);
            form.put("pageVersion", Long.toString(version));
            form.put("was." + statement, was);
            form.put(statement, level);
            long t0 = System.nanoTime();
            String fragment = post(web + "/campaigns/" + campaign + "/responses/" + coll + "/sections/actors", form, true);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (!fragment.contains("Enregistré à")) {
                throw new IllegalStateException("the answer was not confirmed: " + fragment);
            }
            version = Long.parseLong(first(VERSION, fragment));
            was = level;
            if (i > 0) {
                saves.add(ms);
            }
        }
        return new Results.Web(written, Results.QuestionnairePage.of(pages.summary(), pageBytes), saves.summary(), null);
    }

    /** A second browser, an analyst's, for the dashboard: its account created by the admin, then signed in. */
    WebPages analyst() throws IOException, InterruptedException {
        check(api.json("POST", command + "/api/users", adminToken, Map.of("username", "bench-analyst", "password",
                "bench-analyst-password", "role", "ANALYST")), "analyst");
        WebPages analyst = new WebPages(api, web, command, adminToken);
        analyst.signIn("bench-analyst", "bench-analyst-password");
        return analyst;
    }

    /**
     * The dashboard of a campaign for one view ({@code asOf=closing&…}): the whole synthesis page, its charts'
     * options and tables, and the list of respondents a view may leave out. The first call is shown apart, as
     * for the API's reads.
     */
    Results.Dashboard dashboard(String campaign, String view, int repetitions) throws IOException, InterruptedException {
        String page = web + "/campaigns/" + campaign + "/synthesis?" + view;
        Stats stats = new Stats();
        double first = 0;
        String html = "";
        for (int i = 0; i < repetitions + 1; i++) {
            long t0 = System.nanoTime();
            html = get(page);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (i > 0) {
                stats.add(ms);
            } else {
                first = ms;
            }
        }
        if (!html.contains("id=\"view-fingerprint\">sha256:")) {
            throw new IllegalStateException("the dashboard of " + campaign + " showed no view: " + view);
        }
        return Results.Dashboard.of(stats.summary(), Stats.round(first), html.length());
    }

    private void signIn(String username, String password) throws IOException, InterruptedException {
        String csrf = first(CSRF, get(web + "/login"));
        String home = post(web + "/login", Map.of("_csrf", csrf, "username", username, "password", password), false);
        if (!home.contains("Mes questionnaires")) {
            throw new IllegalStateException("could not sign in to the web as " + username);
        }
    }

    private String awaitVersion(String page, long version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            String html = get(page);
            Matcher m = VERSION.matcher(html);
            if (m.find() && Long.parseLong(m.group(1)) >= version) {
                return html;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page never showed version " + version);
            }
            Thread.sleep(200);
        }
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "fr")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode());
        }
        return r.body();
    }

    private String post(String url, Map<String, String> form, boolean htmx) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "fr")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        HttpResponse<String> r = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static String first(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("not found in the page: " + pattern);
        }
        return m.group(1);
    }

    /** The response's version after a write (its events so far). */
    private static long version(Api.Reply r, String what) {
        check(r, what);
        return r.json().get("version").asLong();
    }

    private static void check(Api.Reply r, String what) {
        if (r.status() >= 300) {
            throw new IllegalStateException(what + " failed (" + r.status() + "): " + r.body());
        }
    }
}
