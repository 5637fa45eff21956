package io.barometer.command.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.command.attribution.Attribution;
import io.barometer.command.attribution.Dispatcher;
import io.barometer.command.attribution.RequestIds;
import io.barometer.command.campaign.MoveDeadline;
import io.barometer.command.campaign.OpenCampaign;
import io.barometer.command.collectivite.CollectiviteController;
import io.barometer.command.collectivite.RegisterCollectivite;
import io.barometer.command.response.AnswerProfile;
import io.barometer.command.response.DeclareProject;
import io.barometer.command.response.RankMotivations;
import io.barometer.command.response.RateActorStatement;
import io.barometer.command.response.ReopenResponse;
import io.barometer.command.response.Response;
import io.barometer.command.response.ScoreGovernance;
import io.barometer.command.response.StartResponse;
import io.barometer.command.response.SubmitResponse;
import io.barometer.command.response.UpdateProgress;
import io.barometer.command.response.WithdrawProject;
import io.barometer.command.rules.DomainException;
import io.barometer.command.rules.Outcome;
import io.barometer.command.web.ApiException;
import io.barometer.events.Governance;
import io.barometer.events.MetadataKeys;
import io.barometer.events.UserRole;
import io.barometer.support.json.StrictJson;

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

    /**
     * {@code recordedAt} and {@code byRole} come with a history exported by query-service: the first is when the
     * source installation stored the change, which no import can restate (the recorded clock is this one's), so
     * it is checked and kept only in the line's idempotency key; the second says in which role the person
     * wrote, so that an admin's own write to a response keeps its role in the audit.
     */
    private static final Set<String> COMMON = Set.of("op", "at", "by", "onBehalfOf", "reason", "recordedAt", "byRole");
    private static final Set<String> RESPONSE = Set.of("campaign", "collectivite");
    private static final Set<String> ADMIN_OPS = Set.of("openCampaign", "moveDeadline", "registerCollectivite",
            "correctCollectivite", "reopenResponse");
    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("openCampaign", Set.of("campaign", "year", "title", "opensAt", "closesAt", "questionnaire")),
            Map.entry("moveDeadline", Set.of("campaign", "closesAt")),
            Map.entry("registerCollectivite", Set.of("collectivite", "name", "kind", "region", "population", "parentId")),
            Map.entry("correctCollectivite", Set.of("collectivite", "name", "kind", "region", "population", "parentId")),
            Map.entry("startResponse", RESPONSE),
            Map.entry("answerProfile", with(RESPONSE, "role", "worksInDigital", "organisation")),
            Map.entry("declareProject", with(RESPONSE, "project", "domain", "catalogueItem", "label", "status", "governance")),
            Map.entry("updateProgress", with(RESPONSE, "project", "status")),
            Map.entry("scoreGovernance", with(RESPONSE, "project", "measure", "means", "managementMode", "decisionMode",
                    "coordination")),
            Map.entry("withdrawProject", with(RESPONSE, "project")),
            Map.entry("rankMotivations", with(RESPONSE, "ranking", "definitions")),
            Map.entry("rateActorStatement", with(RESPONSE, "statement", "level")),
            Map.entry("submitResponse", RESPONSE),
            Map.entry("reopenResponse", RESPONSE));

    /** The ops an answer log may hold. */
    public static Set<String> ops() {
        return FIELDS.keySet();
    }

    private final Dispatcher dispatcher;
    /** The HTTP API's own mapper: a line's values are read with the same exact types as a request body. */
    private final ObjectMapper json;

    private final JdbcClient jdbc;

    public ImportService(Dispatcher dispatcher, JdbcClient jdbc, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.jdbc = jdbc;
        this.json = json;
    }

    public Result importLog(BufferedReader reader, String importedBy) throws IOException {
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
                outcome = apply(text, key, importedBy);
                remember(key, outcome.changed(), importedBy);
            } catch (DomainException e) {
                throw new LineRejected(lineNo, e.field(), e.getMessage(), soFar);
            } catch (ApiException e) {
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

    private void remember(String key, boolean changed, String importedBy) {
        jdbc.sql("""
                        INSERT INTO import_line (import_key, changed, imported_by) VALUES (?, ?, ?)
                        ON CONFLICT (import_key) DO NOTHING
                        """)
                .params(key, changed, importedBy).update();
    }

    private Outcome apply(String text, String key, String importedBy) {
        JsonNode raw;
        try {
            raw = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("line", "not valid JSON");
        }
        if (raw == null || !raw.isObject()) {
            throw ApiException.invalid("line", "must be a JSON object");
        }
        String op = raw.path("op").asText(null);
        Set<String> allowed = FIELDS.get(op);
        if (allowed == null) {
            throw ApiException.invalid("op", "unknown op " + op);
        }
        for (Iterator<String> names = raw.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!COMMON.contains(name) && !allowed.contains(name)) {
                throw ApiException.invalid(name, "not a field of " + op);
            }
        }
        ImportLine line;
        try {
            line = json.treeToValue(raw, ImportLine.class);
        } catch (JsonMappingException e) {
            StrictJson.Refusal refusal = StrictJson.refusal(e, "line");
            throw ApiException.invalid(refusal.field(), refusal.message());
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("line", e.getOriginalMessage());
        }
        if (line.at() == null) {
            throw ApiException.invalid("at", "is required");
        }
        Instant at = line.at().toInstant().truncatedTo(ChronoUnit.MILLIS);
        if (at.isAfter(Instant.now())) {
            throw ApiException.invalid("at", "cannot be in the future");
        }
        if (line.by() == null || line.by().isBlank()) {
            throw ApiException.invalid("by", "is required");
        }
        for (String field : allowed) {
            if (requiredFor(op, field) && (!raw.has(field) || raw.get(field).isNull())) {
                throw ApiException.invalid(field, "is required");
            }
        }
        if (line.onBehalfOf() != null) {
            if (!line.onBehalfOf().equals(line.collectivite())) {
                throw ApiException.invalid("onBehalfOf", "must be the collectivité of the line");
            }
            if (line.reason() == null || line.reason().isBlank()) {
                throw ApiException.invalid("reason", "an entry on a respondent's behalf needs a reason");
            }
        }
        if (line.recordedAt() != null && at.isAfter(line.recordedAt().toInstant())) {
            throw ApiException.invalid("at", "cannot be later than recordedAt");
        }
        String role = role(op, line);
        Attribution attribution = new Attribution(line.by(), role, line.onBehalfOf(), MetadataKeys.SOURCE_IMPORT,
                importedBy, RequestIds.current(), at, line.reason(), key);
        return dispatcher.send(command(op, line, raw), attribution);
    }

    private static String role(String op, ImportLine line) {
        boolean adminOnly = ADMIN_OPS.contains(op) || line.onBehalfOf() != null;
        if (line.byRole() == null) {
            return adminOnly ? UserRole.ADMIN.name() : UserRole.RESPONDENT.name();
        }
        if (line.byRole() == UserRole.ANALYST || adminOnly && line.byRole() != UserRole.ADMIN) {
            throw ApiException.invalid("byRole", adminOnly ? "must be ADMIN for this line" : "must be ADMIN or RESPONDENT");
        }
        return line.byRole().name();
    }

    /** Fields that every line of that op must carry; the "may be null" ones of DESIGN §7 are not among them. */
    private static boolean requiredFor(String op, String field) {
        return switch (field) {
            case "campaign", "collectivite", "project", "year", "title", "opensAt", "closesAt", "questionnaire",
                 "domain", "role", "worksInDigital", "ranking", "statement", "level" -> true;
            case "name", "kind", "region" -> op.equals("registerCollectivite");
            case "status" -> op.equals("updateProgress");
            default -> false;
        };
    }

    private Object command(String op, ImportLine l, JsonNode raw) {
        String responseId = l.campaign() == null || l.collectivite() == null ? null
                : Response.id(l.campaign(), l.collectivite());
        return switch (op) {
            case "openCampaign" -> new OpenCampaign(l.campaign(), l.year(), l.title(), l.opensAt().toInstant(),
                    l.closesAt().toInstant(), l.questionnaire());
            case "moveDeadline" -> new MoveDeadline(l.campaign(), l.closesAt().toInstant());
            case "registerCollectivite" -> new RegisterCollectivite(l.collectivite(), l.name(), l.kind(), l.region(),
                    l.population(), l.parentId());
            case "correctCollectivite" -> {
                if (l.reason() == null || l.reason().isBlank()) {
                    throw ApiException.invalid("reason", "a correction of a collectivité needs a reason");
                }
                yield CollectiviteController.toCorrection(l.collectivite(), raw, json, with(COMMON, "collectivite"));
            }
            case "startResponse" -> new StartResponse(responseId, null, l.campaign(), l.collectivite());
            case "answerProfile" -> new AnswerProfile(responseId, null, l.role(), l.worksInDigital(), l.organisation());
            case "declareProject" -> new DeclareProject(responseId, null, l.project(), l.domain(), l.catalogueItem(),
                    l.label(), l.status(), l.governance() == null ? null : new Governance(l.governance().measure(),
                    l.governance().means(), l.governance().managementMode(), l.governance().decisionMode(),
                    l.governance().coordination()));
            case "updateProgress" -> new UpdateProgress(responseId, null, l.project(), l.status());
            case "scoreGovernance" -> new ScoreGovernance(responseId, null, l.project(), new Governance(l.measure(),
                    l.means(), l.managementMode(), l.decisionMode(), l.coordination()));
            case "withdrawProject" -> new WithdrawProject(responseId, null, l.project(), l.reason());
            case "rankMotivations" -> new RankMotivations(responseId, null, l.ranking(), l.definitions());
            case "rateActorStatement" -> new RateActorStatement(responseId, null, l.statement(), l.level());
            case "submitResponse" -> new SubmitResponse(responseId, null);
            case "reopenResponse" -> new ReopenResponse(responseId, null);
            default -> throw ApiException.invalid("op", "unknown op " + op);
        };
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
