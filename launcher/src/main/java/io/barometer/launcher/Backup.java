package io.barometer.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.postgresql.PGConnection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A consistent copy of an installation's database taken while it runs: every table of the event store's schema
 * and of the read side's, read in one repeatable-read transaction (so in one snapshot: the projections and their
 * tokens agree with the events, whatever is written meanwhile), each as a binary COPY stream in a zip.
 * The zonky bundle ships no pg_dump, and this needs nothing but the JDBC driver.
 */
public final class Backup {

    /** The event store and accounts, then query-service's projections and token store; the web's sessions are not kept. */
    static final List<String> SCHEMAS = List.of("public", "query");
    static final String MANIFEST = "backup.json";
    static final int FORMAT = 1;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public record Table(String schema, String name, List<String> columns, long rows) {
        String entry() {
            return schema + "." + name + ".copy";
        }

        String qualified() {
            return quote(schema) + "." + quote(name);
        }

        String columnList() {
            return String.join(", ", columns.stream().map(Backup::quote).toList());
        }
    }

    public record Manifest(int format, Instant takenAt, String serverVersion, long events, List<Table> tables) {
    }

    private Backup() {
    }

    /** Writes the backup to {@code file} (through a temporary file beside it, so a failure leaves no half archive). */
    public static Manifest take(Connection c, Path file) throws SQLException, IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        Manifest manifest;
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
            // The fastest level: on two cores beside running services, compressing harder costs more than the disk saves.
            zip.setLevel(Deflater.BEST_SPEED);
            String version;
            long events;
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT current_setting('server_version'), (SELECT count(*) FROM public.domain_event_entry)")) {
                rs.next();
                version = rs.getString(1);
                events = rs.getLong(2);
            }
            List<Table> tables = new ArrayList<>();
            for (Table table : tables(c)) {
                zip.putNextEntry(new ZipEntry(table.entry()));
                long rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table.qualified() + " ("
                        + table.columnList() + ") TO STDOUT (FORMAT binary)", zip);
                zip.closeEntry();
                tables.add(new Table(table.schema(), table.name(), table.columns(), rows));
            }
            manifest = new Manifest(FORMAT, Instant.now(), version, events, tables);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
        } catch (SQLException | IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        } finally {
            c.rollback();
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return manifest;
    }

    /**
     * The tables to keep, each with its stored columns in order (a generated column is computed again on restore, and
     * COPY refuses it); Flyway's histories are the schema's, which a restore rebuilds.
     */
    static List<Table> tables(Connection c) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT t.table_schema, t.table_name,
                       array_agg(c.column_name::text ORDER BY c.ordinal_position)
                  FROM information_schema.tables t
                  JOIN information_schema.columns c USING (table_schema, table_name)
                 WHERE t.table_type = 'BASE TABLE' AND t.table_schema = ANY (?)
                   AND t.table_name <> 'flyway_schema_history' AND c.is_generated = 'NEVER'
                 GROUP BY t.table_schema, t.table_name
                 ORDER BY t.table_schema, t.table_name
                """)) {
            st.setArray(1, c.createArrayOf("text", SCHEMAS.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tables.add(new Table(rs.getString(1), rs.getString(2),
                            List.of((String[]) rs.getArray(3).getArray()), -1));
                }
            }
        }
        return tables;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
