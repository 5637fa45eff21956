package io.barometer.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The product as a user runs it: one PostgreSQL (embedded with kept data, or external), both services as
 * child JVMs sharing one JWT key, and the web pages over them (when a web port is given). Closing it stops
 * the web, the services, then the database.
 */
public final class Stack implements AutoCloseable {

    public record Settings(Path root, Path dataDirectory, String dbUrl, String dbUser, String dbPassword, int pgPort,
                           int commandPort, int queryPort, int webPort, String jwtSecret, List<String> jvmOptions) {
    }

    private final Settings settings;
    private final Map<String, String> env;
    private Database database;
    private final ServiceProcess command;
    private ServiceProcess query;
    private final ServiceProcess web;

    private Stack(Settings settings, Map<String, String> env, Database database, ServiceProcess command,
                  ServiceProcess query, ServiceProcess web) {
        this.settings = settings;
        this.env = env;
        this.database = database;
        this.command = command;
        this.query = query;
        this.web = web;
    }

    /** The web's JVM: it renders pages and calls the services; a quarter of a service's heap is plenty. */
    public static final List<String> WEB_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseParallelGC");

    /**
     * How both services' JVMs run, for the run command and the benchmark alike. ParallelGC rather than the
     * default G1: on two cores G1's concurrent marking and write barriers take CPU the requests need; measured
     * back to back, command-service spent 15–20 % less CPU per command with it and the million-event
     * synthesis had a lower tail (docs/benchmarks.md). The Dockerfiles set the same.
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseParallelGC");

    /**
     * query-service's heap besides: the whole heap from the start with half of it young. A synthesis builds
     * its state over a second and a third of a young generation sized by ParallelGC's ergonomics filled every
     * 0.2 s, copying that state at each collection; with 256 MB young there are half as many collections and
     * the million-event synthesis's p95 fell from 0.87 to 0.74–0.76 s (docs/benchmarks.md). Replays were no
     * different, nor were command-service's writes, which keep the defaults.
     */
    public static final List<String> QUERY_EXTRA_JVM_OPTIONS = List.of("-Xms512m", "-Xmn256m");

    public static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Chooses the first admin once the database is up: {user, password}, or null to leave accounts alone. */
    public interface AdminChooser {
        String[] choose(Database db) throws SQLException;
    }

    public static Stack start(Settings s, java.util.function.Consumer<String> say, AdminChooser adminChooser)
            throws IOException, SQLException, InterruptedException {
        Database db;
        if (s.dbUrl() != null) {
            say.accept("Using the PostgreSQL at " + s.dbUrl());
            db = Database.external(s.dbUrl(), s.dbUser(), s.dbPassword());
        } else {
            say.accept("Starting the embedded PostgreSQL (data in " + s.dataDirectory().resolve("postgres") + ")");
            db = Database.embedded(s.dataDirectory().resolve("postgres"), s.pgPort(), "barometer");
        }
        Map<String, String> env = new HashMap<>();
        env.put("BAROMETER_DB_URL", db.url());
        env.put("BAROMETER_DB_USER", db.user());
        env.put("BAROMETER_DB_PASSWORD", db.password());
        env.put("BAROMETER_JWT_SECRET", s.jwtSecret());
        env.put("BAROMETER_COMMAND_PORT", Integer.toString(s.commandPort()));
        env.put("BAROMETER_QUERY_PORT", Integer.toString(s.queryPort()));
        Map<String, String> commandEnv = new HashMap<>(env);
        String[] admin = adminChooser.choose(db);
        if (admin != null) {
            commandEnv.put("BAROMETER_ADMIN_USER", admin[0]);
            commandEnv.put("BAROMETER_ADMIN_PASSWORD", admin[1]);
        }
        Path logs = s.dataDirectory().resolve("logs");
        ServiceProcess command = null;
        ServiceProcess query = null;
        ServiceProcess web = null;
        try {
            // On a database that already holds the event store both services start at once; on a new one
            // command-service goes first, since its migrations create the table query-service reads.
            boolean parallel = eventStoreExists(db);
            say.accept("Starting command-service on port " + s.commandPort() + " (log: " + logs.resolve("command-service.log") + ")");
            command = ServiceProcess.start("command-service", ServiceProcess.jar(s.root(), "command-service"),
                    s.commandPort(), commandEnv, s.jvmOptions(), logs);
            if (!parallel) {
                command.awaitHealthy(Duration.ofMinutes(3));
            }
            say.accept("Starting query-service on port " + s.queryPort() + " (log: " + logs.resolve("query-service.log") + ")");
            query = startQuery(s, env);
            if (s.webPort() > 0) {
                Map<String, String> webEnv = new HashMap<>();
                webEnv.put("BAROMETER_DB_URL", db.url());
                webEnv.put("BAROMETER_DB_USER", db.user());
                webEnv.put("BAROMETER_DB_PASSWORD", db.password());
                webEnv.put("BAROMETER_WEB_PORT", Integer.toString(s.webPort()));
                webEnv.put("BAROMETER_COMMAND_URL", "http://127.0.0.1:" + s.commandPort());
                webEnv.put("BAROMETER_QUERY_URL", "http://127.0.0.1:" + s.queryPort());
                say.accept("Starting web on port " + s.webPort() + " (log: " + logs.resolve("web.log") + ")");
                web = ServiceProcess.start("web", ServiceProcess.jar(s.root(), "web"), s.webPort(), webEnv,
                        WEB_JVM_OPTIONS, logs);
            }
            command.awaitHealthy(Duration.ofMinutes(3));
            query.awaitHealthy(Duration.ofMinutes(3));
            if (web != null) {
                web.awaitHealthy(Duration.ofMinutes(3));
            }
        } catch (RuntimeException | IOException | InterruptedException e) {
            if (web != null) {
                web.close();
            }
            if (query != null) {
                query.close();
            }
            if (command != null) {
                command.close();
            }
            db.close();
            throw e;
        }
        return new Stack(s, env, db, command, query, web);
    }

    /** Stops query-service until the next {@link #restartQuery}. */
    public void stopQuery() {
        query.close();
    }

    /** Stops query-service (if running), runs {@code whileStopped}, and starts it again behind the head of the store. */
    public void restartQuery(Callable<Void> whileStopped) throws Exception {
        stopQuery();
        whileStopped.call();
        query = startQuery(settings, env);
        query.awaitHealthy(Duration.ofMinutes(3));
    }

    /**
     * Stops the embedded PostgreSQL (a fast shutdown: sessions are cut, as in a real restart), runs
     * {@code whileStopped}, and starts it again on the same port and data directory; the services are left
     * running, to find their own way back.
     */
    public void restartDatabase(Callable<Void> whileStopped) throws Exception {
        if (!database.isEmbedded()) {
            throw new IllegalStateException("only the embedded PostgreSQL can be restarted from here");
        }
        database.close();
        whileStopped.call();
        database = Database.embedded(settings.dataDirectory().resolve("postgres"), settings.pgPort(), "barometer");
    }

    private static ServiceProcess startQuery(Settings s, Map<String, String> env) throws IOException {
        List<String> options = new ArrayList<>(s.jvmOptions());
        options.addAll(QUERY_EXTRA_JVM_OPTIONS);
        return ServiceProcess.start("query-service", ServiceProcess.jar(s.root(), "query-service"), s.queryPort(), env,
                options, s.dataDirectory().resolve("logs"));
    }

    private static boolean eventStoreExists(Database db) throws SQLException {
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(
                "SELECT to_regclass('public.domain_event_entry') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    public Database database() {
        return database;
    }

    public ServiceProcess command() {
        return command;
    }

    public ServiceProcess query() {
        return query;
    }

    /** The web pages, or null when this stack runs without them. */
    public ServiceProcess web() {
        return web;
    }

    @Override
    public void close() throws IOException {
        if (web != null) {
            web.close();
        }
        query.close();
        command.close();
        database.close();
    }
}
