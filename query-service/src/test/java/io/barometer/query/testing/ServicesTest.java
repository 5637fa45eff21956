package io.barometer.query.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.command.testing.Http;

/**
 * Base of HTTP tests with both services: writes go through command-service's API, reads through
 * query-service's, and tests wait for the projections by polling, never by sleeping. Every test names
 * its own campaigns and collectivités ({@link #unique}), since all share one event store.
 */
public abstract class ServicesTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    protected static final Services SERVICES = Services.get();

    protected Http command;
    protected Http query;
    protected String admin;

    @BeforeEach
    void connect() {
        command = SERVICES.commandHttp();
        query = SERVICES.queryHttp();
        admin = command.token(Services.ADMIN, Services.ADMIN_PASSWORD);
    }

    /** A slug no other test uses, e.g. {@code unique("vannes")} → {@code vannes-t17}. */
    protected static String unique(String prefix) {
        return prefix + "-t" + IDS.incrementAndGet();
    }

    /** {@link Services#awaitProjections()} of the shared installation. */
    protected static void awaitProjections() {
        SERVICES.awaitProjections();
    }

    /** The id the events name a person by; their username is kept in the person table only (issue 23). */
    protected static String personId(String username) {
        return SERVICES.query.getBean(JdbcClient.class).sql("SELECT id::text FROM public.person WHERE username = ?")
                .param(username).query(String.class).single();
    }

    protected Http.Reply importLog(String ndjson) {
        Http.Reply reply = command.send("POST", "/api/import", admin, ndjson, Map.of("Content-Type", "application/x-ndjson"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    /** Creates an account (password: username + "-password-1") and returns its token. */
    protected String user(String username, String role, String collectivite) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", username + "-password-1",
                "role", role));
        if (collectivite != null) {
            body.put("collectiviteId", collectivite);
        }
        Http.Reply reply = command.post("/api/users", admin, body);
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        return command.token(username, username + "-password-1");
    }

    protected JsonNode synthesis(String campaign, String parameters) {
        Http.Reply reply = query.get("/api/campaigns/" + campaign + "/synthesis" + (parameters.isEmpty() ? "" : "?" + parameters), admin);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    protected Http.Reply responseView(String campaign, String collectivite, String parameters) {
        return query.get("/api/campaigns/" + campaign + "/responses/" + collectivite
                + (parameters.isEmpty() ? "" : "?" + parameters), admin);
    }
}
