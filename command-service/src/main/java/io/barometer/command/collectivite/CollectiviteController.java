package io.barometer.command.collectivite;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.command.attribution.Dispatcher;
import io.barometer.command.attribution.RequestAttribution;
import io.barometer.command.rules.Outcome;
import io.barometer.command.web.ApiException;
import io.barometer.events.CollectiviteKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Admins register collectivités and correct them (with a reason, which the audit shows). */
@RestController
public class CollectiviteController {

    public record RegisterRequest(@NotBlank String collectivite, @NotBlank String name, @NotNull CollectiviteKind kind,
                                  @NotBlank String region, Integer population, String parentId) {
    }

    public record CollectiviteWritten(String collectivite, long version, boolean changed) {
    }

    private final Dispatcher dispatcher;
    private final RequestAttribution attribution;
    private final ObjectMapper json;

    public CollectiviteController(Dispatcher dispatcher, RequestAttribution attribution, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.attribution = attribution;
        this.json = json;
    }

    @PostMapping("/api/collectivites")
    public ResponseEntity<CollectiviteWritten> register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
        Outcome outcome = dispatcher.send(new RegisterCollectivite(body.collectivite(), body.name(), body.kind(),
                body.region(), body.population(), body.parentId()), attribution.forAdmin(request, null));
        return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new CollectiviteWritten(body.collectivite(), outcome.version(), outcome.changed()));
    }

    /** A JSON merge-patch: a field given as null (population) becomes unknown; a field left out stays. */
    @PatchMapping("/api/collectivites/{collectivite}")
    public CollectiviteWritten correct(@PathVariable String collectivite, @RequestBody JsonNode body,
                                       HttpServletRequest request) {
        CorrectCollectivite command = toCorrection(collectivite, body, json, Set.of("reason"));
        String reason = body.hasNonNull("reason") ? body.get("reason").asText() : null;
        if (reason == null && RequestAttribution.reasonHeader(request) == null) {
            throw ApiException.invalid("reason", "a correction of a collectivité needs a reason");
        }
        Outcome outcome = dispatcher.send(command, attribution.forAdmin(request, reason));
        return new CollectiviteWritten(collectivite, outcome.version(), outcome.changed());
    }

    /**
     * Shared with the import, whose correctCollectivite lines have the same fields plus those every line
     * carries; {@code otherFields} are the names accepted besides the correctable ones.
     */
    public static CorrectCollectivite toCorrection(String collectivite, JsonNode body, ObjectMapper json,
                                                   Set<String> otherFields) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        Set<String> fields = new HashSet<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (CorrectCollectivite.CORRECTABLE.contains(name)) {
                fields.add(name);
            } else if (!otherFields.contains(name)) {
                throw ApiException.invalid(name, "unknown field");
            }
        }
        try {
            CollectiviteKind kind = body.hasNonNull("kind") ? json.treeToValue(body.get("kind"), CollectiviteKind.class) : null;
            Integer population = body.hasNonNull("population") ? integer(body.get("population")) : null;
            return new CorrectCollectivite(collectivite, fields, text(body, "name"), kind, text(body, "region"),
                    population, text(body, "parentId"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw ApiException.invalid("kind", "must be one of " + java.util.Arrays.toString(CollectiviteKind.values()));
        }
    }

    private static Integer integer(JsonNode node) {
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw ApiException.invalid("population", "must be a whole number or null");
        }
        return node.intValue();
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalid(field, "must be a string");
        }
        return node.asText();
    }
}
