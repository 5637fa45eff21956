package io.barometer.command.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.command.attribution.Attribution;
import io.barometer.command.attribution.Dispatcher;
import io.barometer.command.attribution.RequestIds;
import io.barometer.command.people.People;
import io.barometer.command.rules.DomainException;
import io.barometer.command.rules.Outcome;
import io.barometer.events.MetadataKeys;
import io.barometer.events.UserRole;

/**
 * Applies an NDJSON answer log line by line, each through the same commands and rules as the HTTP API.
 * The first bad line stops the import; the lines before it stay applied. Each line's idempotency key is
 * the hash of its content, which the aggregate it reaches remembers (and the import_line table, for lines
 * that changed nothing), so a second run changes nothing.
 */
@Service
public class ImportService {

    public record Result(int lines, int applied, int unchanged) {
    }

    /** A line refused: its number, the field at fault, and what was applied before it. */
    public static class LineRejected extends RuntimeException {
        public final int line;
        public final String field;
        /** What is wrong with the field, without the line's number that the message starts with. */
        public final String reason;
        public final Result before;

        LineRejected(int line, String field, String message, Result before) {
            super("line " + line + ": " + message);
            this.line = line;
            this.field = field;
            this.reason = message;
            this.before = before;
        }
    }

    /**
     * The import stopped at a line on something other than the line itself (a conflict with a concurrent
     * writer, the database gone): the lines before it stay applied, and sending the file again resumes it.
     */
    public static class ImportInterrupted extends RuntimeException {
        public final int line;
        public final Result before;

        ImportInterrupted(int line, Result before, RuntimeException cause) {
            super("line " + line + ": the import stopped on " + cause.getClass().getSimpleName(), cause);
            this.line = line;
            this.before = before;
        }
    }

    /** The ops an answer log may hold. */
    public static Set<String> ops() {
        return LineReader.OPS.keySet();
    }

    private final Dispatcher dispatcher;
    private final LineReader lines;
    private final JdbcClient jdbc;
    private final People people;

    /** {@code json}: the HTTP API's own mapper, so that a line's values are read as a request body's are. */
    public ImportService(Dispatcher dispatcher, JdbcClient jdbc, ObjectMapper json, People people) {
        this.dispatcher = dispatcher;
        this.people = people;
        this.jdbc = jdbc;
        this.lines = new LineReader(json);
    }

    public Result importLog(BufferedReader reader, UUID importedBy) throws IOException {
        // The people this import has met, by their handle: a log names few people on many lines.
        Map<String, UUID> met = new HashMap<>();
        int lineNo = 0;
        int applied = 0;
        int unchanged = 0;
        String text;
        while ((text = reader.readLine()) != null) {
            lineNo++;
            if (text.isBlank()) {
                continue;
            }
            Result soFar = new Result(lineNo - 1, applied, unchanged);
            String key = sha256(text.strip());
            Outcome outcome;
            try {
                // Inside the try: the database may be gone at this very query, and that too stops the import
                // at this line with what stands, not with a bare failure.
                if (seen(key)) {
                    unchanged++;
                    continue;
                }
                outcome = apply(text, key, importedBy, met);
                remember(key, outcome.changed(), importedBy);
            } catch (BadLine e) {
                throw new LineRejected(lineNo, e.field(), e.getMessage(), soFar);
            } catch (DomainException e) {
                throw new LineRejected(lineNo, e.field(), e.getMessage(), soFar);
            } catch (AggregateNotFoundException e) {
                DomainException missing = DomainException.missing(Objects.toString(e.getAggregateIdentifier(), null));
                throw new LineRejected(lineNo, missing.field(), missing.getMessage(), soFar);
            } catch (RuntimeException e) {
                throw new ImportInterrupted(lineNo, soFar, e);
            }
            if (outcome.changed()) {
                applied++;
            } else {
                unchanged++;
            }
        }
        return new Result(lineNo, applied, unchanged);
    }

    /**
     * A line applied before, by any import. The aggregates' memory of import keys stays the guarantee for
     * lines that applied events (this row is written after their commit); this table covers the lines that
     * changed nothing, which no event remembers.
     */
    private boolean seen(String key) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM import_line WHERE import_key = ?)")
                .param(key).query(Boolean.class).single();
    }

    private void remember(String key, boolean changed, UUID importedBy) {
        jdbc.sql("""
                        INSERT INTO import_line (import_key, changed, imported_by) VALUES (?, ?, ?)
                        ON CONFLICT (import_key) DO NOTHING
                        """)
                .params(key, changed, importedBy).update();
    }

    /**
     * The line's {@code by} becomes a person id before anything is stored: events name people by id only, the
     * handle goes to the table of people (created on first sight; a line already imported never gets here, so a
     * second run after an erasure does not bring the erased handle back).
     */
    private Outcome apply(String text, String key, UUID importedBy, Map<String, UUID> met) {
        LineReader.Line line = lines.read(text);
        LineHeader header = line.header();
        String role = role(line.op(), header);
        String collectivite = UserRole.RESPONDENT.name().equals(role) ? line.op().collectivite() : null;
        UUID by = met.computeIfAbsent(header.by(), handle -> people.idFor(handle, collectivite, importedBy));
        Attribution attribution = new Attribution(by.toString(), role, header.onBehalfOf(), MetadataKeys.SOURCE_IMPORT,
                importedBy.toString(), RequestIds.current(), line.at(), header.reason(), key);
        return dispatcher.send(line.op().command(header, line.given()), attribution);
    }

    /**
     * The role the line was written in: the one an exported history states, else the one its op needs (an admin
     * for campaigns, collectivités, reopenings and entries on a respondent's behalf).
     */
    private static String role(ImportOp op, LineHeader header) {
        boolean adminOnly = op instanceof AdminOp || header.onBehalfOf() != null;
        if (header.byRole() == null) {
            return adminOnly ? UserRole.ADMIN.name() : UserRole.RESPONDENT.name();
        }
        if (header.byRole() == UserRole.ANALYST || adminOnly && header.byRole() != UserRole.ADMIN) {
            throw new BadLine("byRole", adminOnly ? "must be ADMIN for this line" : "must be ADMIN or RESPONDENT");
        }
        return header.byRole().name();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
