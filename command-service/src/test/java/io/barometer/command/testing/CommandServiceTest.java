package io.barometer.command.testing;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barometer.command.CommandServiceApplication;

/**
 * Base of HTTP tests: command-service on a random port, against a fresh embedded PostgreSQL database
 * of its own, with a first admin. Subclasses talk to it over real HTTP.
 */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CommandServiceTest {

    public static final String JWT_SECRET = "test-secret-test-secret-test-secret-0123456789";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-123";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgresSupport.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("barometer.jwt.secret", () -> JWT_SECRET);
        registry.add("barometer.admin.username", () -> ADMIN);
        registry.add("barometer.admin.password", () -> ADMIN_PASSWORD);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Http http;
    protected String admin;

    @BeforeEach
    void connect() {
        http = new Http("http://127.0.0.1:" + port);
        admin = http.token(ADMIN, ADMIN_PASSWORD);
    }

    /** The id events name a person by: the person table is the only place their username is kept (issue 23). */
    protected String personId(String username) {
        return jdbc.sql("SELECT id::text FROM person WHERE username = ?").param(username).query(String.class).single();
    }

    protected long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    protected Http.Reply createUser(String username, String role, String collectivite) {
        var body = new java.util.HashMap<String, Object>(Map.of("username", username, "password", username + "-password-1",
                "role", role));
        if (collectivite != null) {
            body.put("collectiviteId", collectivite);
        }
        return http.post("/api/users", admin, body);
    }

    protected String login(String username) {
        return http.token(username, username + "-password-1");
    }
}
