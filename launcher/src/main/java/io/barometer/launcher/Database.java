package io.barometer.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one PostgreSQL of a local run: an embedded server whose data directory persists (so a restart
 * loses nothing), or an external server given by URL.
 */
public final class Database implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;

    private Database(EmbeddedPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static Database external(String url, String user, String password) {
        return new Database(null, url, user, password);
    }

    /** Starts (or restarts on its kept data) an embedded PostgreSQL and makes sure database {@code name} exists. */
    public static Database embedded(Path dataDirectory, int port, String name) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                // The embedded defaults turn fsync off (fine for tests); a run's data must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (var rs = c.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                c.createStatement().execute("CREATE DATABASE " + name);
            }
        }
        return new Database(pg, pg.getJdbcUrl("postgres", name), "postgres", "");
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
