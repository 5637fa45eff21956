package io.barometer.command.importing;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.barometer.support.json.StrictJson;

/**
 * Reads one line of an answer log into its header and its op, refusing it the way the HTTP API refuses a body:
 * the first fault found, named by its field. What a line's fields must be besides their types is checked here
 * in the order the import has always answered: the line's shape, its op, unknown fields, types, {@code at} and
 * {@code by}, the op's required fields, then an entry on a respondent's behalf and {@code recordedAt}.
 */
class LineReader {

    /** A line read and checked: {@code given} names the fields it carries. */
    record Line(LineHeader header, ImportOp op, Set<String> given, Instant at) {
    }

    /** Each op's name, as the lines spell it, and its record. */
    static final Map<String, Class<?>> OPS = Arrays.stream(ImportOp.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::name, JsonSubTypes.Type::value));

    private static final Map<Class<?>, Set<String>> FIELDS = OPS.values().stream().collect(
            Collectors.toUnmodifiableMap(Function.identity(), type -> Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet())));

    /** The HTTP API's own mapper: a line's values are read with the same exact types as a request body. */
    private final ObjectMapper json;

    LineReader(ObjectMapper json) {
        this.json = json;
    }

    Line read(String text) {
        JsonNode raw;
        try {
            raw = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadLine("line", "not valid JSON");
        }
        if (raw == null || !raw.isObject()) {
            throw new BadLine("line", "must be a JSON object");
        }
        String op = raw.path("op").asText(null);
        if (op == null) {
            // Map.of refuses a null key rather than answering null: asked for a missing op, it failed the import.
            throw new BadLine("op", "required: which change the line makes");
        }
        Class<?> type = OPS.get(op);
        if (type == null) {
            throw new BadLine("op", "unknown op " + op);
        }
        List<String> given = new ArrayList<>();
        raw.fieldNames().forEachRemaining(given::add);
        for (String name : given) {
            if (!name.equals("op") && !LineHeader.FIELDS.contains(name) && !FIELDS.get(type).contains(name)) {
                throw new BadLine(name, "not a field of " + op);
            }
        }
        Line line = typed((ObjectNode) raw, given);
        check(line);
        return line;
    }

    /**
     * The header and the op are read apart, each from its own fields; when both hold a value of the wrong type,
     * the one named is the first on the line, as when the line was read in one pass.
     */
    private Line typed(ObjectNode raw, List<String> given) {
        LineHeader header = null;
        ImportOp op = null;
        JsonProcessingException headerFault = null;
        JsonProcessingException opFault = null;
        try {
            ObjectNode common = raw.deepCopy().retain(LineHeader.FIELDS);
            header = json.treeToValue(common, LineHeader.class);
        } catch (JsonProcessingException e) {
            headerFault = e;
        }
        try {
            ObjectNode own = raw.deepCopy().remove(LineHeader.FIELDS);
            op = json.treeToValue(own, ImportOp.class);
        } catch (JsonProcessingException e) {
            opFault = e;
        }
        if (headerFault != null && opFault != null) {
            throw refused(place(headerFault, given) <= place(opFault, given) ? headerFault : opFault);
        }
        if (headerFault != null || opFault != null) {
            throw refused(headerFault != null ? headerFault : opFault);
        }
        Instant at = header.at() == null ? null : header.at().toInstant().truncatedTo(ChronoUnit.MILLIS);
        return new Line(header, op, Set.copyOf(given), at);
    }

    private static int place(JsonProcessingException fault, List<String> given) {
        if (fault instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            int at = given.indexOf(m.getPath().get(0).getFieldName());
            return at < 0 ? Integer.MAX_VALUE : at;
        }
        return Integer.MAX_VALUE;
    }

    private static BadLine refused(JsonProcessingException fault) {
        if (fault instanceof JsonMappingException) {
            StrictJson.Refusal refusal = StrictJson.refusal(fault, "line");
            return new BadLine(refusal.field(), refusal.message());
        }
        return new BadLine("line", fault.getOriginalMessage());
    }

    private static void requireFields(ImportOp op) {
        for (RecordComponent field : op.getClass().getRecordComponents()) {
            if (field.isAnnotationPresent(Required.class) && value(field, op) == null) {
                throw new BadLine(field.getName(), "is required");
            }
        }
    }

    private static Object value(RecordComponent field, ImportOp op) {
        try {
            return field.getAccessor().invoke(op);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(Line line) {
        LineHeader header = line.header();
        if (line.at() == null) {
            throw new BadLine("at", "is required");
        }
        if (line.at().isAfter(Instant.now())) {
            throw new BadLine("at", "cannot be in the future");
        }
        if (header.by() == null || header.by().isBlank()) {
            throw new BadLine("by", "is required");
        }
        if (header.by().length() > 100) {
            throw new BadLine("by", "is longer than 100 characters");
        }
        requireFields(line.op());
        if (header.onBehalfOf() != null) {
            if (!header.onBehalfOf().equals(line.op().collectivite())) {
                throw new BadLine("onBehalfOf", "must be the collectivité of the line");
            }
            if (header.reason() == null || header.reason().isBlank()) {
                throw new BadLine("reason", "an entry on a respondent's behalf needs a reason");
            }
        }
        if (header.recordedAt() != null && line.at().isAfter(header.recordedAt().toInstant())) {
            throw new BadLine("at", "cannot be later than recordedAt");
        }
    }
}
