package io.barometer.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.postgresql.PGConnection;

/**
 * Loads a {@link Backup} into a database whose schema the services' own migrations have just created: the rows of
 * every kept table, all in one transaction, then the sequences past the highest restored value and every
 * processor's claim released (its owner was a process of the old installation).
 */
public final class Restore {

    private Restore() {
    }

    public static Backup.Manifest read(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(Backup.MANIFEST);
            if (entry == null) {
                throw new IOException(file + " is not a Barometer backup (no " + Backup.MANIFEST + ")");
            }
            Backup.Manifest manifest = Backup.JSON.readValue(zip.getInputStream(entry), Backup.Manifest.class);
            if (manifest.format() != Backup.FORMAT) {
                throw new IOException(file + " is a backup of format " + manifest.format() + "; this release reads "
                        + Backup.FORMAT);
            }
            return manifest;
        }
    }

    /** Replaces the rows of every table of the backup; nothing is changed if any of it fails. */
    public static void load(Connection c, Path file) throws SQLException, IOException {
        Backup.Manifest manifest = read(file);
        c.setAutoCommit(false);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Set<String> present = new HashSet<>();
            for (Backup.Table t : Backup.tables(c)) {
                present.add(t.schema() + "." + t.name());
            }
            List<String> targets = new ArrayList<>();
            for (Backup.Table t : manifest.tables()) {
                if (!present.contains(t.schema() + "." + t.name())) {
                    throw new IllegalStateException("the backup holds " + t.schema() + "." + t.name()
                            + ", which this release's schema has not: restore it with the release that took it");
                }
                targets.add(t.qualified());
            }
            try (var st = c.createStatement()) {
                st.execute("TRUNCATE " + String.join(", ", targets));
            }
            for (Backup.Table t : manifest.tables()) {
                try (InputStream in = zip.getInputStream(zip.getEntry(t.entry()))) {
                    long rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + t.qualified() + " ("
                            + t.columnList() + ") FROM STDIN (FORMAT binary)", in);
                    if (rows != t.rows()) {
                        throw new IllegalStateException(t.schema() + "." + t.name() + ": " + rows
                                + " rows restored, the backup counted " + t.rows());
                    }
                }
            }
            advanceSequences(c);
            try (var st = c.createStatement()) {
                for (String schema : Backup.SCHEMAS) {
                    st.execute("UPDATE " + Backup.quote(schema) + ".token_entry SET owner = NULL");
                }
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * A column's sequence is not a table, so it is not in the backup: set it past the highest value restored, or
     * the next event would collide with a restored one.
     */
    private static void advanceSequences(Connection c) throws SQLException {
        List<String[]> serials = new ArrayList<>();
        try (var st = c.prepareStatement("""
                SELECT table_schema, table_name, column_name, pg_get_serial_sequence(
                           quote_ident(table_schema) || '.' || quote_ident(table_name), column_name)
                  FROM information_schema.columns
                 WHERE table_schema = ANY (?)
                """)) {
            st.setArray(1, c.createArrayOf("text", Backup.SCHEMAS.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(4) != null) {
                        serials.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
            }
        }
        for (String[] s : serials) {
            try (var st = c.prepareStatement("SELECT setval(?, coalesce(max(" + Backup.quote(s[2]) + "), 0) + 1, false) FROM "
                    + Backup.quote(s[0]) + "." + Backup.quote(s[1]))) {
                st.setString(1, s[3]);
                st.execute();
            }
        }
    }
}
