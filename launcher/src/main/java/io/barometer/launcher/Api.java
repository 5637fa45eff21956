package io.barometer.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client of the product's API, for the launcher and the benchmark. */
public final class Api {

    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;

    public Api() {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    public Reply send(String method, String url, String token, HttpRequest.BodyPublisher body, String contentType,
                      Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    public Reply json(String method, String url, String token, Object body) throws IOException, InterruptedException {
        return send(method, url, token, body == null ? null : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)),
                body == null ? null : "application/json", Map.of());
    }

    public Reply get(String url, String token) throws IOException, InterruptedException {
        return send("GET", url, token, null, null, Map.of());
    }

    public String token(String base, String username, String password) throws IOException, InterruptedException {
        Reply r = json("POST", base + "/api/auth/token", null, Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("cannot log in as " + username + " (" + r.status() + "): " + r.body());
        }
        return r.json().get("token").asText();
    }

    public Reply importFile(String base, String token, Path file) throws IOException, InterruptedException {
        return send("POST", base + "/api/import", token, HttpRequest.BodyPublishers.ofFile(file), "application/x-ndjson",
                Map.of());
    }

    /** Events the query side has not processed yet, summed over its processors (from its Prometheus gauge). */
    public long projectionLag(String queryBase) throws IOException, InterruptedException {
        Reply r = get(queryBase + "/actuator/prometheus", null);
        if (r.status() != 200) {
            return Long.MAX_VALUE;
        }
        long lag = 0;
        boolean seen = false;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("barometer_projection_lag")) {
                seen = true;
                lag += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return seen ? lag : Long.MAX_VALUE;
    }
}
