package io.barometer.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code ./run.sh --backup FILE} and {@code ./run.sh --restore FILE}: where the database is (the running embedded
 * one, the kept one in ./data, or an external one) and what a restore may replace.
 */
public final class Backups {

    private Backups() {
    }

    /**
     * Backs up the database of a running installation, or, when none runs, of the one kept in the data directory
     * (started for the time of the backup).
     */
    public static Backup.Manifest backup(Stack.Settings s, Path file, Consumer<String> say) throws IOException, SQLException {
        Instant start = Instant.now();
        Backup.Manifest manifest;
        if (s.dbUrl() != null) {
            try (Connection c = DriverManager.getConnection(s.dbUrl(), s.dbUser(), s.dbPassword())) {
                manifest = Backup.take(c, file);
            }
        } else {
            String url = "jdbc:postgresql://127.0.0.1:" + s.pgPort() + "/barometer";
            Connection running = null;
            try {
                running = DriverManager.getConnection(url, "postgres", "");
            } catch (SQLException notRunning) {
                if (!hasData(s.dataDirectory())) {
                    throw new IllegalStateException("no database to back up: nothing answers on port " + s.pgPort()
                            + " and " + s.dataDirectory().resolve("postgres") + " holds no data");
                }
            }
            if (running != null) {
                try (Connection c = running) {
                    manifest = Backup.take(c, file);
                }
            } else {
                say.accept("Starting the kept PostgreSQL in " + s.dataDirectory().resolve("postgres") + " for the backup");
                try (Database db = Database.embedded(s.dataDirectory().resolve("postgres"), s.pgPort(), "barometer");
                     Connection c = db.connect()) {
                    manifest = Backup.take(c, file);
                }
            }
        }
        long rows = manifest.tables().stream().mapToLong(Backup.Table::rows).sum();
        say.accept("Backed up " + manifest.events() + " events (" + rows + " rows in " + manifest.tables().size()
                + " tables) to " + file + " (" + Files.size(file) / 1024 + " KiB) in "
                + Duration.between(start, Instant.now()).toMillis() + " ms");
        return manifest;
    }

    /**
     * Builds a fresh installation from a backup: the services' migrations create the schema of this release on a
     * new database (or an empty external one), then the backup's rows replace whatever those left.
     */
    public static void restore(Stack.Settings s, Path file, boolean force, Consumer<String> say) throws Exception {
        Backup.Manifest manifest = Restore.read(file);
        say.accept("Restoring the backup of " + manifest.takenAt() + " (" + manifest.events() + " events)");
        if (s.dbUrl() == null && hasData(s.dataDirectory())) {
            if (!force) {
                throw new IllegalStateException(s.dataDirectory() + " already holds an installation: move it away, "
                        + "or add --force to have it moved aside");
            }
            Path aside = s.dataDirectory().resolveSibling(s.dataDirectory().getFileName() + ".before-restore-"
                    + Instant.now().getEpochSecond());
            Files.move(s.dataDirectory(), aside);
            say.accept("Moved the existing " + s.dataDirectory() + " aside to " + aside);
        }
        if (s.dbUrl() != null && !force && holdsEvents(s)) {
            throw new IllegalStateException("the database at " + s.dbUrl() + " already holds events: restore into an "
                    + "empty database, or add --force to replace them");
        }
        Stack.Settings schemaOnly = new Stack.Settings(s.root(), s.dataDirectory(), s.dbUrl(), s.dbUser(), s.dbPassword(),
                s.pgPort(), s.commandPort(), s.queryPort(), 0, s.jwtSecret(), s.jvmOptions());
        say.accept("Creating this release's schema (starting and stopping both services once)");
        Stack.start(schemaOnly, say, db -> null).close();
        Database db = s.dbUrl() != null ? Database.external(s.dbUrl(), s.dbUser(), s.dbPassword())
                : Database.embedded(s.dataDirectory().resolve("postgres"), s.pgPort(), "barometer");
        try (db; Connection c = db.connect()) {
            Restore.load(c, file);
        }
        say.accept("Restored. ./run.sh now starts on it; sign in with the accounts of the backup.");
    }

    private static boolean hasData(Path dataDirectory) throws IOException {
        Path pg = dataDirectory.resolve("postgres");
        if (!Files.isDirectory(pg)) {
            return false;
        }
        try (Stream<Path> files = Files.list(pg)) {
            return files.findAny().isPresent();
        }
    }

    private static boolean holdsEvents(Stack.Settings s) throws SQLException {
        try (Connection c = DriverManager.getConnection(s.dbUrl(), s.dbUser(), s.dbPassword());
             var rs = c.createStatement().executeQuery("SELECT to_regclass('public.domain_event_entry') IS NOT NULL "
                     + "AND EXISTS (SELECT 1 FROM public.domain_event_entry)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
