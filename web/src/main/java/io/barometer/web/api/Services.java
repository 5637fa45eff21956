package io.barometer.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The two services' HTTP APIs, called with the signed-in person's token. A refusal becomes an
 * {@link ApiProblem} carrying the service's own field errors; a refused token becomes {@link SignedOut}.
 */
@Component
public class Services {

    /** What a write answered: the response's new version (its ETag) and whether anything changed. */
    public record Written(long version, boolean changed) {
    }

    public record Token(String token) {
    }

    private final RestClient command;
    /** For PATCH, which HttpURLConnection does not know (a correction's reason travels in its body). */
    private final RestClient commandPatch;
    private final RestClient query;
    private final ObjectMapper json;

    public Services(@Value("${barometer.command-url}") String commandUrl, @Value("${barometer.query-url}") String queryUrl,
                    ObjectMapper json) {
        // HttpURLConnection sends header values as UTF-8, which command-service reads back as such ("reçu",
        // "cœur", "l’envoi"); the JDK's newer HttpClient turns every non-ASCII character into '?'.
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(5));
        factory.setReadTimeout(Duration.ofSeconds(30));
        this.command = RestClient.builder().uriBuilderFactory(uris(commandUrl)).requestFactory(factory).build();
        JdkClientHttpRequestFactory jdk = new JdkClientHttpRequestFactory();
        jdk.setReadTimeout(Duration.ofSeconds(30));
        this.commandPatch = RestClient.builder().uriBuilderFactory(uris(commandUrl)).requestFactory(jdk).build();
        this.query = RestClient.builder().uriBuilderFactory(uris(queryUrl)).requestFactory(factory).build();
        this.json = json;
    }

    /**
     * URIs whose query strings {@link #query} has already encoded: the template is taken as written (encoding it
     * again turned "2014-04-15T21:59:00Z" into "%253A" and the services refused every typed date), while the
     * path's variables (campaign and collectivité ids as the page received them) are still strictly encoded.
     */
    private static DefaultUriBuilderFactory uris(String baseUrl) {
        DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory(baseUrl);
        uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.VALUES_ONLY);
        return uris;
    }

    // --- sign-in -------------------------------------------------------------------------------------------

    /** The token for a username and password, or an ApiProblem with status 401 when they do not match. */
    public String token(String username, String password) {
        JsonNode answer = call(command, HttpMethod.POST, "/api/auth/token", null, null,
                Map.of("username", username, "password", password), JsonNode.class);
        return answer.path("token").asText();
    }

    /** Creates an account (admins only); the service refuses a taken username or a respondent without a collectivité. */
    public void createAccount(Caller caller, String username, String password, String role, String collectivite,
                              String displayName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("role", role);
        body.put("collectiviteId", collectivite);
        body.put("displayName", displayName);
        call(command, HttpMethod.POST, "/api/users", caller, null, body, JsonNode.class);
    }

    /** A page of the accounts (admins only), filtered by role and collectivité when given. */
    public AccountsPage accounts(Caller caller, String role, String collectivite, int page, int size) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("role", role);
        p.put("collectivite", collectivite);
        p.put("page", Integer.toString(page));
        p.put("size", Integer.toString(size));
        return call(command, HttpMethod.GET, "/api/users" + query(p), caller, null, null, AccountsPage.class);
    }

    /** One open account (admins only), named by its person's id. */
    public AccountsPage.Account account(Caller caller, String personId) {
        return call(command, HttpMethod.GET, "/api/users/{user}", caller, null, null, AccountsPage.Account.class,
                personId);
    }

    /**
     * Disables or re-enables an account (admins only), with the reason command-service keeps beside who did it. The
     * account is named by its person's id: a URL carries no username. Returns the account's username, which the
     * answer gives for the notice that follows.
     */
    public String setAccountEnabled(Caller caller, String personId, boolean enabled, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", enabled);
        body.put("reason", reason);
        return call(commandPatch, HttpMethod.PATCH, "/api/users/{user}", caller, null, body, JsonNode.class, personId)
                .path("username").asText();
    }

    /** Changes the caller's own password; command-service then refuses every token of theirs, this one too. */
    public void changeOwnPassword(Caller caller, String currentPassword, String newPassword) {
        call(command, HttpMethod.PUT, "/api/users/me/password", caller, null,
                Map.of("currentPassword", currentPassword, "newPassword", newPassword), Void.class);
    }

    // --- people (issue #23) ----------------------------------------------------------------------------------

    /** What query-service holds about the signed-in person: their "Mes données" page and the header's name. */
    public Person me(Caller caller) {
        return call(query, HttpMethod.GET, "/api/people/me", caller, null, null, Person.class);
    }

    /** A page of the people of a collectivité, erased ones included (admins only). */
    public PeoplePage people(Caller caller, String collectivite, int page, int size) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("collectivite", collectivite);
        p.put("page", Integer.toString(page));
        p.put("size", Integer.toString(size));
        return call(query, HttpMethod.GET, "/api/people" + query(p), caller, null, null, PeoplePage.class);
    }

    /** One person by id, erased or not (admins only): whom an erasure is about to concern. */
    public Person person(Caller caller, String personId) {
        return call(query, HttpMethod.GET, "/api/people/{id}", caller, null, null, Person.class, personId);
    }

    /**
     * Erases a person (admins only): their name, username and e-mail go, their account is closed for good, and
     * every change they made stays, attributed to "personne effacée". The reason is kept without the name.
     */
    public Erasure erase(Caller caller, String personId, String reason) {
        return call(command, HttpMethod.POST, "/api/people/{id}/erasure", caller, null, Map.of("reason", reason),
                Erasure.class, personId);
    }

    // --- reads ---------------------------------------------------------------------------------------------

    public List<Campaign> campaigns(Caller caller) {
        return List.of(call(query, HttpMethod.GET, "/api/campaigns", caller, null, null, Campaign[].class));
    }

    public Campaign campaign(Caller caller, String campaign) {
        // Without its counts, which no page shows: counting a large campaign costs as much as its synthesis.
        return call(query, HttpMethod.GET, "/api/campaigns/{c}?counts=false", caller, null, null, Campaign.class, campaign);
    }

    /**
     * The response as it stands now, empty when the collectivité has not started the campaign.
     * {@code minVersion} (a write's version, or 0) waits until the read side holds that write.
     */
    public Optional<ResponseState> response(Caller caller, String campaign, String collectivite, long minVersion) {
        try {
            String path = "/api/campaigns/{c}/responses/{coll}" + (minVersion > 0 ? "?minVersion=" + minVersion : "");
            return Optional.of(call(query, HttpMethod.GET, path, caller, null, null, ResponseState.class, campaign,
                    collectivite));
        } catch (ApiProblem p) {
            if (p.status() == 404 && p.about("collectivite").isPresent()) {
                return Optional.empty();
            }
            throw p;
        }
    }

    /** The synthesis as query-service gives it (DESIGN §8), its parameters passed as the page received them. */
    public JsonNode synthesis(Caller caller, String campaign, Map<String, String> parameters) {
        return call(query, HttpMethod.GET, "/api/campaigns/{c}/synthesis" + query(parameters), caller, null, null,
                JsonNode.class, campaign);
    }

    /** A respondent of a campaign as the respondents export names it: for choosing whom a view leaves out. */
    public record Respondent(String collectivite, String name) {
    }

    /** The campaign's respondents as of a cut-off, read from its respondents export (comma-delimited). */
    public List<Respondent> respondents(Caller caller, String campaign, String asOf, String basis) {
        String csv = query.get().uri("/api/campaigns/{c}/exports/respondents.csv"
                        + query(Map.of("asOf", asOf, "basis", basis, "delimiter", "comma")), campaign)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token())
                .exchange((req, res) -> {
                    if (res.getStatusCode().value() >= 300) {
                        return "";
                    }
                    try (InputStream in = res.getBody()) {
                        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                });
        if (csv.isEmpty()) {
            return List.of();
        }
        com.fasterxml.jackson.dataformat.csv.CsvMapper mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        List<Respondent> all = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> rows = mapper
                .readerFor(new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { })
                .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
                .readValues(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String name = row.getOrDefault("collectivite_name", "");
                // The export writes a name that could start a formula behind an apostrophe: shown as typed.
                all.add(new Respondent(row.get("collectivite"), name.startsWith("'") ? name.substring(1) : name));
            }
        } catch (IOException e) {
            return List.of();
        }
        all.sort(java.util.Comparator.comparing(Respondent::name, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    /** Streams an export of query-service (CSV) to the page's answer, its headers included. */
    public void export(Caller caller, String campaign, String file, Map<String, String> parameters,
                       jakarta.servlet.http.HttpServletResponse target) {
        query.get().uri("/api/campaigns/{c}/exports/" + file + query(parameters), campaign)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token())
                .exchange((req, res) -> {
                    if (res.getStatusCode().value() == 401) {
                        throw new SignedOut();
                    }
                    if (res.getStatusCode().value() >= 300) {
                        try (InputStream in = res.getBody()) {
                            throw problem(res.getStatusCode().value(), in);
                        }
                    }
                    target.setStatus(200);
                    for (String header : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_DISPOSITION)) {
                        String value = res.getHeaders().getFirst(header);
                        if (value != null) {
                            target.setHeader(header, value);
                        }
                    }
                    try (InputStream in = res.getBody()) {
                        in.transferTo(target.getOutputStream());
                    }
                    return null;
                });
    }

    /** A query string of the non-empty parameters, each encoded (empty when none). */
    public static String query(Map<String, String> parameters) {
        StringBuilder q = new StringBuilder();
        parameters.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                q.append(q.length() == 0 ? '?' : '&').append(k).append('=')
                        .append(java.net.URLEncoder.encode(v.strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    /** Two editions side by side (DESIGN §8 comparison). */
    public JsonNode comparison(Caller caller, Map<String, String> parameters) {
        return call(query, HttpMethod.GET, "/api/comparisons" + query(parameters), caller, null, null, JsonNode.class);
    }

    /** A page of the audit: every change, filtered as the admin asked (DESIGN §6). */
    public HistoryPage audit(Caller caller, Map<String, String> parameters) {
        return call(query, HttpMethod.GET, "/api/audit" + query(parameters), caller, null, null, HistoryPage.class);
    }

    /** Sends an answer log (NDJSON) to the import, streamed; its counts, or an ApiProblem naming the bad line. */
    public JsonNode importLog(Caller caller, InputStream log) {
        return command.post().uri("/api/import").header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token())
                .contentType(MediaType.parseMediaType("application/x-ndjson")).accept(MediaType.APPLICATION_JSON)
                .body(out -> log.transferTo(out))
                .exchange((req, res) -> {
                    int status = res.getStatusCode().value();
                    try (InputStream in = res.getBody()) {
                        if (status < 300) {
                            return json.readTree(in);
                        }
                        if (status == 401) {
                            throw new SignedOut();
                        }
                        throw problemWithLine(status, in);
                    }
                });
    }

    /** The projections' progress (a replay's, or a catch-up's). */
    public JsonNode projections(Caller caller) {
        return call(query, HttpMethod.GET, "/api/admin/replay", caller, null, null, JsonNode.class);
    }

    /** Rebuilds every projection from the event store; the views say so while it runs. */
    public JsonNode replay(Caller caller) {
        return call(query, HttpMethod.POST, "/api/admin/replay", caller, null, null, JsonNode.class);
    }

    public void registerCollectivite(Caller caller, Map<String, Object> collectivite) {
        call(command, HttpMethod.POST, "/api/collectivites", caller, null, collectivite, JsonNode.class);
    }

    /** A JSON merge patch of a collectivité: only the fields given change; the reason goes with it. */
    public void correctCollectivite(Caller caller, String collectivite, Map<String, Object> patch) {
        call(commandPatch, HttpMethod.PATCH, "/api/collectivites/{id}", caller, null, patch, JsonNode.class, collectivite);
    }

    public void openCampaign(Caller caller, Map<String, Object> campaign) {
        call(command, HttpMethod.POST, "/api/campaigns", caller, null, campaign, JsonNode.class);
    }

    public void moveDeadline(Caller caller, String campaign, java.time.Instant closesAt) {
        call(command, HttpMethod.PUT, "/api/campaigns/{c}/deadline", caller, null, Map.of("closesAt", closesAt.toString()),
                JsonNode.class, campaign);
    }

    public CampaignProgress progress(Caller caller, String campaign) {
        return call(query, HttpMethod.GET, "/api/campaigns/{c}/progress", caller, null, null, CampaignProgress.class,
                campaign);
    }

    /** The first 500 changes of a response (the API's largest page), oldest first; {@code total} counts them all. */
    public HistoryPage history(Caller caller, String campaign, String collectivite) {
        return call(query, HttpMethod.GET, "/api/campaigns/{c}/responses/{coll}/history?size=500", caller, null, null,
                HistoryPage.class, campaign, collectivite);
    }

    // --- writes (each one command; ifMatch is the version the page showed, or 0 for none) ------------------

    public Written start(Caller caller, String campaign, String collectivite) {
        return write(HttpMethod.PUT, "", caller, 0, null, campaign, collectivite);
    }

    public Written profile(Caller caller, String campaign, String collectivite, long ifMatch, String role,
                           Boolean worksInDigital, String organisation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("worksInDigital", worksInDigital);
        body.put("organisation", organisation);
        return write(HttpMethod.PUT, "/profile", caller, ifMatch, body, campaign, collectivite);
    }

    public Written declare(Caller caller, String campaign, String collectivite, long ifMatch, String project,
                           String domain, String catalogueItem, String label, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project", project);
        body.put("domain", domain);
        body.put("catalogueItem", catalogueItem);
        body.put("label", label);
        body.put("status", status);
        return write(HttpMethod.POST, "/projects", caller, ifMatch, body, campaign, collectivite);
    }

    public Written progress(Caller caller, String campaign, String collectivite, long ifMatch, String project,
                            String status) {
        return write(HttpMethod.PUT, "/projects/" + project + "/progress", caller, ifMatch, Map.of("status", status),
                campaign, collectivite);
    }

    public Written governance(Caller caller, String campaign, String collectivite, long ifMatch, String project,
                              ResponseState.Governance governance) {
        return write(HttpMethod.PUT, "/projects/" + project + "/governance", caller, ifMatch, governance, campaign,
                collectivite);
    }

    public Written withdraw(Caller caller, String campaign, String collectivite, long ifMatch, String project) {
        return write(HttpMethod.DELETE, "/projects/" + project, caller, ifMatch, null, campaign, collectivite);
    }

    public Written motivations(Caller caller, String campaign, String collectivite, long ifMatch, List<String> ranking,
                               Map<String, List<String>> definitions) {
        return write(HttpMethod.PUT, "/motivations", caller, ifMatch,
                Map.of("ranking", ranking, "definitions", definitions), campaign, collectivite);
    }

    public Written actor(Caller caller, String campaign, String collectivite, long ifMatch, String statement,
                         String level) {
        return write(HttpMethod.PUT, "/actors/" + statement, caller, ifMatch, Map.of("level", level), campaign,
                collectivite);
    }

    public Written submit(Caller caller, String campaign, String collectivite, long ifMatch) {
        return write(HttpMethod.POST, "/submit", caller, ifMatch, null, campaign, collectivite);
    }

    private Written write(HttpMethod method, String tail, Caller caller, long ifMatch, Object body, String campaign,
                          String collectivite) {
        JsonNode answer = call(command, method, "/api/campaigns/{c}/responses/{coll}" + tail, caller,
                ifMatch > 0 ? "\"" + ifMatch + "\"" : null, body, JsonNode.class, campaign, collectivite);
        return new Written(answer.path("version").asLong(), answer.path("changed").asBoolean());
    }

    private <T> T call(RestClient client, HttpMethod method, String path, Caller caller, String ifMatch, Object body,
                       Class<T> type, Object... variables) {
        RestClient.RequestBodySpec request = client.method(method).uri(path, variables)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (caller != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token());
            if (caller.proxy() != null && method != HttpMethod.GET) {
                request.header("X-On-Behalf-Of", caller.proxy().collectivite());
                request.header("X-Change-Reason", caller.proxy().reason());
                request.header("X-Effective-At", caller.proxy().effectiveAt().toString());
            }
        }
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> {
            int status = res.getStatusCode().value();
            try (InputStream in = res.getBody()) {
                if (status < 300) {
                    // A 204 (a password changed) has no body to read.
                    return status == 204 || type == Void.class ? null : json.readValue(in, type);
                }
                if (status == 401 && caller != null) {
                    throw new SignedOut();
                }
                throw problem(status, in);
            }
        });
    }

    /** An import's refusal: the problem, its line number put first in its message. */
    private ApiProblem problemWithLine(int status, InputStream in) throws IOException {
        byte[] body = in.readAllBytes();
        ApiProblem p = problem(status, new java.io.ByteArrayInputStream(body));
        JsonNode answer = json.readTree(body);
        JsonNode line = answer.path("line");
        return line.isMissingNode() ? p
                : new ImportRefused(p, line.asLong(), answer.path("applied").asLong(), answer.path("unchanged").asLong());
    }

    private ApiProblem problem(int status, InputStream in) throws IOException {
        JsonNode p;
        try {
            p = json.readTree(in);
        } catch (IOException e) {
            p = null;
        }
        if (p == null || !p.isObject()) {
            return new ApiProblem(status, "HTTP " + status, null, List.of());
        }
        List<ApiProblem.FieldError> errors = new java.util.ArrayList<>();
        p.path("errors").forEach(e -> errors.add(new ApiProblem.FieldError(e.path("field").asText(null),
                e.path("message").asText(null))));
        return new ApiProblem(status, p.path("title").asText(null), p.path("detail").asText(null), errors);
    }
}
