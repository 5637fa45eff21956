package io.barometer.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client of the product's API, for the launcher and the benchmark. It is the JDK's blocking
 * HttpURLConnection (kept-alive connections, one thread per request) rather than java.net.http.HttpClient:
 * profiled beside the services on two cores, the asynchronous client took a fifth of the machine to send
 * the write benchmark's commands, CPU the server under test then lacked.
 */
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

    static {
        // Keep a kept-alive connection for each of the benchmark's concurrent clients (the JDK keeps 5).
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "32");
        }
    }

    /** A request body: bytes in memory or a file streamed from disk. */
    private record Body(byte[] bytes, Path file) {
        long length() throws IOException {
            return bytes != null ? bytes.length : Files.size(file);
        }

        void writeTo(OutputStream out) throws IOException {
            if (bytes != null) {
                out.write(bytes);
            } else {
                Files.copy(file, out);
            }
        }
    }

    private Reply send(String method, String url, String token, Body body, String contentType, String ifMatch)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30 * 60_000);
        c.setRequestMethod(method);
        c.setUseCaches(false);
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            c.setRequestProperty("If-Match", ifMatch);
        }
        if (body != null) {
            c.setRequestProperty("Content-Type", contentType);
            c.setDoOutput(true);
            // Only a file is streamed. The JDK probes a kept-alive connection before each streamed POST, by a
            // read that waits 1 ms for nothing: a millisecond added to every such command of the write
            // benchmark, which the service never saw. A body in memory is sent from the JDK's buffer instead.
            if (body.file() != null) {
                c.setFixedLengthStreamingMode(body.length());
            }
            try (OutputStream out = c.getOutputStream()) {
                body.writeTo(out);
            }
        } else if (method.equals("PUT") || method.equals("POST")) {
            c.setDoOutput(true);
            c.getOutputStream().close();
        }
        int status = c.getResponseCode();
        // Read to the end either way, so that the connection goes back to the keep-alive cache.
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public Reply json(String method, String url, String token, Object body) throws IOException {
        return json(method, url, token, body, null);
    }

    /** A write that holds only if the response is still at the version of {@code ifMatch} (an earlier ETag). */
    public Reply json(String method, String url, String token, Object body, String ifMatch) throws IOException {
        return send(method, url, token, body == null ? null : new Body(JSON.writeValueAsBytes(body), null),
                "application/json", ifMatch);
    }

    public Reply get(String url, String token) throws IOException {
        return send("GET", url, token, null, null, null);
    }

    public String token(String base, String username, String password) throws IOException {
        Reply r = json("POST", base + "/api/auth/token", null, Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("cannot log in as " + username + " (" + r.status() + "): " + r.body());
        }
        return r.json().get("token").asText();
    }

    public Reply importFile(String base, String token, Path file) throws IOException {
        return send("POST", base + "/api/import", token, new Body(null, file), "application/x-ndjson", null);
    }

    /** Events the query side has not processed yet, summed over its processors (from its Prometheus gauge). */
    public long projectionLag(String queryBase) throws IOException {
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
