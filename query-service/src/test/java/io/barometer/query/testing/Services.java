package io.barometer.query.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import org.axonframework.eventhandling.EventMessage;
import org.awaitility.Awaitility;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.barometer.command.CommandServiceApplication;
import io.barometer.command.testing.CommandServiceTest;
import io.barometer.command.testing.EmbeddedPostgresSupport;
import io.barometer.command.testing.Http;
import io.barometer.query.QueryServiceApplication;
import io.barometer.query.completeness.CompletenessCheck;
import io.barometer.query.replay.Projections;

/**
 * command-service and query-service, both running in this JVM on random ports against one fresh embedded
 * PostgreSQL database, started once and shared by every test class (each test works in campaigns and
 * collectivités of its own). command-service starts first: its Flyway creates the event table.
 */
public final class Services {

    public static final String JWT_SECRET = CommandServiceTest.JWT_SECRET;
    public static final String ADMIN = CommandServiceTest.ADMIN;
    public static final String ADMIN_PASSWORD = CommandServiceTest.ADMIN_PASSWORD;

    private static Services instance;

    public final String databaseUrl;
    public final ConfigurableApplicationContext command;
    public final ConfigurableApplicationContext query;

    private Services() {
        databaseUrl = EmbeddedPostgresSupport.freshDatabase();
        command = start(CommandServiceApplication.class);
        query = start(QueryServiceApplication.class);
    }

    /**
     * Another installation, on a database of its own: what an export is imported into. Its caller closes it;
     * the shared one stays up for the other tests.
     */
    public static Services fresh() {
        get();
        return new Services();
    }

    /** Stops both services of an installation from {@link #fresh()}. */
    public void close() {
        query.close();
        command.close();
    }

    /**
     * Waits until every processor of this installation has processed everything appended so far and its views
     * are complete: a gap left by a rolled-back write holds them provisional for about a second.
     */
    public void awaitProjections() {
        Projections projections = query.getBean(Projections.class);
        CompletenessCheck completeness = query.getBean(CompletenessCheck.class);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> projections.status().caughtUp() && completeness.now().complete());
    }

    public static synchronized Services get() {
        if (instance == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
            instance = new Services();
        }
        return instance;
    }

    /**
     * Events straight into the event table through command-service's own storage engine (its table, its
     * serializer), as if written by commands: for logs no command sequence could produce quickly.
     */
    public void appendToStore(List<? extends EventMessage<?>> events) {
        command.getBean(EventStorageEngine.class).appendEvents(events);
    }

    public Http commandHttp() {
        return new Http("http://127.0.0.1:" + port(command));
    }

    public Http queryHttp() {
        return new Http("http://127.0.0.1:" + port(query));
    }

    private ConfigurableApplicationContext start(Class<?> application) {
        Map<String, Object> properties = new HashMap<>();
        // Both modules ship an application.yml at the root of the classpath: pin each service to its own.
        properties.put("spring.config.location", configOf(application));
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("barometer.jwt.secret", JWT_SECRET);
        properties.put("barometer.admin.username", ADMIN);
        properties.put("barometer.admin.password", ADMIN_PASSWORD);
        properties.put("spring.datasource.hikari.maximum-pool-size", "6");
        // A test that asks for a version never written should not wait the production default.
        properties.put("barometer.views.min-version-wait", "PT1S");
        // As command-line arguments: they outrank the application.yml, as a deployment's environment would.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(application).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The application.yml next to the application's class: a file of its classes directory or of its jar. */
    private static String configOf(Class<?> application) {
        try {
            Path location = Path.of(application.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return "file:" + location.resolve("application.yml");
            }
            Path copy = Files.createTempFile(application.getSimpleName(), ".yml");
            copy.toFile().deleteOnExit();
            try (JarFile jar = new JarFile(location.toFile());
                 InputStream entry = jar.getInputStream(jar.getEntry("application.yml"))) {
                Files.copy(entry, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return "file:" + copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
