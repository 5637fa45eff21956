package io.barometer.query.asof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/** Reads a campaign's project facts from PostgreSQL's binary COPY stream straight into a fold, without rows. */
final class ProjectCopy {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /**
     * collectivite_id (text), project_id (uuid), sequence_number and global_index (int8), after closing (bool),
     * project_code (int4), domain and catalogue_item (text, null but on declarations), whether the fact counts
     * as of the cut-off (bool), and its clock on the chosen basis (timestamptz). A respondent's id is decoded
     * only when it changes, a project's never (compared as two longs: the statistics need no project ids).
     */
    private static final int COLUMNS = 10;

    /** Receives each fact as it is read, in the stream's order. */
    interface Facts {
        /**
         * {@code collectiviteId} is the same String instance for every fact of a respondent, and the project's
         * id comes as its two halves; {@code clock} is PostgreSQL's: microseconds since 2000-01-01 UTC.
         */
        void fact(String collectiviteId, long projectHigh, long projectLow, long sequence, long globalIndex,
                  boolean afterClosing, int code, String domain, String item, boolean asOf, long clock);

        /** Called once every fact was read. */
        void finish();
    }

    private final Facts facts;
    private ByteBuffer in;
    private byte[] collectivite = new byte[64];
    private int collectiviteLength = -1;
    private String collectiviteId;

    private ProjectCopy(Facts facts) {
        this.facts = facts;
    }

    /** Runs {@code copySql} (a COPY … TO STDOUT (FORMAT binary) of the columns above) into {@code facts}. */
    static void read(Connection connection, String copySql, Facts facts) throws SQLException {
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copySql);
        try {
            new ProjectCopy(facts).read(copy);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        facts.finish();
    }

    /**
     * PostgreSQL sends one CopyData message per row, the first preceded by the format's header and the
     * trailer in a message of its own; each message is read as a buffer of its own.
     */
    private void read(CopyOut copy) throws SQLException {
        boolean header = true;
        for (byte[] message = copy.readFromCopy(); message != null; message = copy.readFromCopy()) {
            in = ByteBuffer.wrap(message);
            if (header) {
                header();
                header = false;
            }
            while (in.hasRemaining()) {
                short columns = in.getShort();
                if (columns == -1) {
                    continue;
                }
                if (columns != COLUMNS) {
                    throw new SQLException("expected " + COLUMNS + " columns, got " + columns);
                }
                fact();
            }
        }
    }

    private void header() throws SQLException {
        byte[] signature = new byte[SIGNATURE.length];
        in.get(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new SQLException("not a binary COPY stream");
        }
        in.getInt(); // flags: none that matter for reading
        in.position(in.position() + 4 + in.getInt(in.position())); // header extension
    }

    private void fact() throws SQLException {
        int length = in.getInt();
        boolean sameRespondent = length == collectiviteLength
                && Arrays.equals(in.array(), in.position(), in.position() + length, collectivite, 0, length);
        if (!sameRespondent) {
            if (collectivite.length < length) {
                collectivite = new byte[length];
            }
            in.get(collectivite, 0, length);
            collectiviteLength = length;
            collectiviteId = new String(collectivite, 0, length, StandardCharsets.UTF_8);
        } else {
            in.position(in.position() + length);
        }
        field(16);
        long high = in.getLong();
        long low = in.getLong();
        field(8);
        long sequence = in.getLong();
        field(8);
        long globalIndex = in.getLong();
        field(1);
        boolean afterClosing = in.get() != 0;
        if (in.getInt() != 4) {
            throw new SQLException("a project fact of " + collectiviteId + " has no project_code");
        }
        int code = in.getInt();
        boolean declaration = ProjectCode.change(code) == ProjectCode.DECLARED;
        String domain = text(declaration);
        String item = text(declaration);
        field(1);
        boolean asOf = in.get() != 0;
        field(8);
        long clock = in.getLong();
        facts.fact(collectiviteId, high, low, sequence, globalIndex, afterClosing, code, domain, item, asOf, clock);
    }

    private void field(int expected) throws SQLException {
        int length = in.getInt();
        if (length != expected) {
            throw new SQLException("expected a field of " + expected + " bytes, got " + length);
        }
    }

    private String text(boolean wanted) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        int at = in.position();
        in.position(at + length);
        return wanted ? new String(in.array(), at, length, StandardCharsets.UTF_8) : null;
    }
}
