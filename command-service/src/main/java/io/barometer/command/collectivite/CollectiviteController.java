package io.barometer.command.collectivite;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.command.attribution.AttributionHeaders;
import io.barometer.command.attribution.Dispatcher;
import io.barometer.command.attribution.WriteHeaders;
import io.barometer.command.rules.Outcome;
import io.barometer.command.web.AppendsEvents;
import io.barometer.events.CollectiviteKind;
import io.barometer.support.openapi.Refusals;
import io.barometer.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Admins register collectivités and correct them (with a reason, which the audit shows). */
@RestController
@AppendsEvents
@Tag(name = "collectivités")
@AttributionHeaders(onBehalfOf = false)
public class CollectiviteController {

    @Schema(example = """
            {"collectivite": "vannes", "name": "Vannes", "kind": "COMMUNE", "region": "Bretagne", "population": 55000,
             "parentId": null}""")
    public record RegisterRequest(@NotBlank String collectivite, @NotBlank String name, @NotNull CollectiviteKind kind,
                                  @NotBlank String region,
                                  @Schema(description = "Inhabitants; null when unknown", minimum = "0", maximum = "20000000",
                                          types = {"integer", "null"}) Integer population,
                                  @Schema(description = "Its intercommunality's id, if any", types = {"string", "null"})
                                  String parentId) {
    }

    public record CollectiviteWritten(String collectivite, long version, boolean changed) {
    }

    private final Dispatcher dispatcher;
    private final ObjectMapper json;

    public CollectiviteController(Dispatcher dispatcher, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.json = json;
    }

    @PostMapping("/api/collectivites")
    @Operation(operationId = "registerCollectivite", summary = "Register a collectivité", description = """
            Admins. Registers a city or intercommunality under an id it keeps across editions. Registering it again \
            with the same values changes nothing (200); with other values it is refused (409): correct it instead.""")
    @ApiResponse(responseCode = "201", description = "Registered.")
    @ApiResponse(responseCode = "200", description = "Already registered with these values: nothing changed.")
    @Refusals({400, 403, 409, 413, 415, 422})
    public ResponseEntity<CollectiviteWritten> register(@Valid @RequestBody RegisterRequest body, WriteHeaders write) {
        Outcome outcome = dispatcher.send(new RegisterCollectivite(body.collectivite(), body.name(), body.kind(),
                body.region(), body.population(), body.parentId()), write.forAdmin(null));
        return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new CollectiviteWritten(body.collectivite(), outcome.version(), outcome.changed()));
    }

    /** A JSON merge-patch: a field given as null (population) becomes unknown; a field left out stays. */
    @PatchMapping("/api/collectivites/{collectivite}")
    @Operation(operationId = "correctCollectivite", summary = "Correct a collectivité", description = """
            Admins, with a reason (in the body or X-Change-Reason), which the audit shows next to the old and new \
            values. Only the fields given change.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = CorrectionRequest.class))))
    @Refusals({400, 403, 404, 413, 415, 422})
    public CollectiviteWritten correct(@PathVariable String collectivite, @RequestBody JsonNode body,
                                       WriteHeaders write) {
        CorrectCollectivite command = CorrectionPatch.read(collectivite, body, json);
        String reason = body.hasNonNull("reason") ? body.get("reason").asText() : null;
        if (reason == null && write.reason() == null) {
            throw ApiException.invalid("reason", "a correction of a collectivité needs a reason");
        }
        Outcome outcome = dispatcher.send(command, write.forAdmin(reason));
        return new CollectiviteWritten(collectivite, outcome.version(), outcome.changed());
    }
}
