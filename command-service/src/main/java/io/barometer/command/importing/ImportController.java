package io.barometer.command.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.command.web.AppendsEvents;
import io.barometer.command.web.EventPosition;
import io.barometer.command.web.ProblemHandler;
import io.barometer.support.openapi.Refusals;
import io.barometer.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** POST /api/import: an answer log in NDJSON, applied in order (admins). */
@RestController
@AppendsEvents
@Tag(name = "import")
public class ImportController {

    /** The first lines of the 2014 edition's log (datasets/bvn-2014.ndjson). */
    private static final String EXAMPLE = """
            {"op": "openCampaign", "at": "2013-12-01T09:00:00+01:00", "by": "bvn-team.claire", "campaign": "bvn-2014", \
            "year": 2014, "title": "Baromètre des villes numériques 2014", "opensAt": "2013-12-01T00:00:00+01:00", \
            "closesAt": "2014-03-15T23:59:59+01:00", "questionnaire": "bvn-2014"}
            {"op": "registerCollectivite", "at": "2013-12-02T09:38:05+01:00", "by": "bvn-team.claire", \
            "collectivite": "vannes", "name": "Vannes", "kind": "COMMUNE", "region": "Bretagne", "population": 55000, \
            "parentId": null}
            {"op": "startResponse", "at": "2013-12-05T10:53:47+01:00", "by": "vannes.dsi-1", "campaign": "bvn-2014", \
            "collectivite": "vannes"}
            {"op": "declareProject", "at": "2013-12-18T14:39:08+01:00", "by": "vannes.education-1", \
            "campaign": "bvn-2014", "collectivite": "vannes", "project": "8330e23a-f607-5290-98e6-1db882b9b67e", \
            "domain": "education", "catalogueItem": "digital_equipment_in_schools", "status": "DONE"}
            """;

    /**
     * The import's counts, and {@code position}: the store's head once the last line was applied, to pass as
     * query-service's {@code minPosition} so that a view holds the whole import.
     */
    public record Imported(int lines, int applied, int unchanged, long position) {
    }

    private final ImportService imports;
    private final EventPosition position;

    public ImportController(ImportService imports, EventPosition position) {
        this.imports = imports;
        this.position = position;
    }

    @PostMapping(value = "/api/import", consumes = {"application/x-ndjson", "text/plain"})
    @Operation(operationId = "importAnswerLog", summary = "Import an answer log", description = """
            Admins. Applies an NDJSON answer log (DESIGN §7: one `op` per line, with `at`, `by` and optionally \
            `onBehalfOf` and `reason`) in order, each line through the same rules as the API, recorded with \
            `source=import`, the line's `at` as its effective instant and the admin as `importedBy`. Each `by` names \
            a person (the one with that username, created on first sight: the events carry the person's id, never \
            the handle). A bad line stops \
            the import there (422 naming its `line` and field); the lines before it stay applied, and sending the \
            same file again skips them. `position` (also in `X-Event-Position`) is what to pass as query-service's \
            `minPosition` for a view that holds the whole import.""",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"),
                            examples = @ExampleObject(name = "bvn-2014", value = EXAMPLE)),
                    @Content(mediaType = "text/plain", schema = @Schema(type = "string"),
                            examples = @ExampleObject(name = "bvn-2014", value = EXAMPLE))}))
    @Refusals({400, 403, 409, 413, 415, 422})
    public Imported importLog(HttpServletRequest request) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
            ImportService.Result done = imports.importLog(reader, CurrentUser.get().person());
            return new Imported(done.lines(), done.applied(), done.unchanged(), position.head());
        }
    }

    /**
     * Not the line's fault: answered as the cause would be anywhere else (409 when a concurrent writer won even
     * after the retry, 500 otherwise), plus where the import stopped and what stands, so that the admin knows
     * that sending the same file again is the way on (lines already applied are skipped).
     */
    @ExceptionHandler(ImportService.ImportInterrupted.class)
    ResponseEntity<ProblemDetail> interrupted(ImportService.ImportInterrupted e) {
        ResponseEntity<ProblemDetail> response = ProblemHandler.isConflict(e.getCause())
                ? ProblemHandler.conflict() : ProblemHandler.failure(e.getCause());
        ProblemDetail body = response.getBody();
        body.setDetail("At line " + e.line + ": " + body.getDetail() + ". The lines before it stand, and sending the "
                + "same file again resumes the import (lines already applied are skipped)");
        body.setProperty("line", e.line);
        body.setProperty("applied", e.before.applied());
        body.setProperty("unchanged", e.before.unchanged());
        return response;
    }

    @ExceptionHandler(ImportService.LineRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImportService.LineRejected e) {
        ResponseEntity<ProblemDetail> response = ProblemHandler.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(),
                List.of(new ProblemHandler.FieldError(e.field == null ? "line" : e.field, e.reason)));
        ProblemDetail body = response.getBody();
        body.setProperty("line", e.line);
        body.setProperty("applied", e.before.applied());
        body.setProperty("unchanged", e.before.unchanged());
        return response;
    }
}
