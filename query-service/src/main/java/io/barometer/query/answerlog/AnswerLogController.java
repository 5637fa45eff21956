package io.barometer.query.answerlog;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.query.completeness.Completeness;
import io.barometer.query.completeness.CompletenessCheck;
import io.barometer.query.config.AxonConfig;
import io.barometer.query.people.PersonNames;
import io.barometer.support.openapi.Refusals;
import io.barometer.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * GET /api/history.ndjson (admins): the whole history, or one campaign's, as an answer log that
 * {@code POST /api/import} takes back, streamed as the event table is read.
 */
@RestController
@Tag(name = "exports")
@Refusals({400, 403, 404, 503})
public class AnswerLogController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AnswerLogRepository events;
    private final CompletenessCheck completeness;
    private final PersonNames people;
    private final ObjectMapper json = AxonConfig.eventObjectMapper();
    private final AnswerLogLines lines = new AnswerLogLines(json);

    public AnswerLogController(AnswerLogRepository events, CompletenessCheck completeness, PersonNames people) {
        this.events = events;
        this.completeness = completeness;
        this.people = people;
    }

    @GetMapping("/api/history.ndjson")
    @Operation(operationId = "exportHistory", summary = "The whole history as an answer log", description = """
            Admins. Every stored event, or one campaign's with the collectivités that answered it, as NDJSON lines \
            of the import's format (DESIGN §7) in event order: each with its effective `at`, `by`, `byRole`, \
            `onBehalfOf`, `reason` and its original `recordedAt`. `by` is the person's username, or their person id \
            once they are erased: their lines stay one person's, without a name. Importing it into an empty \
            installation gives the same figures on the effective clock. Streamed whatever the store's size.""")
    @ApiResponse(responseCode = "200", description = "The answer log.", content = @Content(
            mediaType = "application/x-ndjson", schema = @Schema(type = "string")))
    public ResponseEntity<StreamingResponseBody> history(@RequestParam(required = false) String campaign,
                                                         @RequestParam(required = false) String minPosition) {
        Completeness projection = completeness.awaiting(minPosition);
        if (campaign != null && !events.campaignExists(campaign)) {
            throw ApiException.notFound("campaign", "no campaign " + campaign);
        }
        StreamingResponseBody body = out -> {
            OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
            AnswerLogWriter writer = new AnswerLogWriter(json, lines, people, buffered);
            try {
                events.stream(campaign, writer::write);
                writer.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            buffered.flush();
        };
        String filename = (campaign == null ? "barometer" : campaign) + "-history.ndjson";
        // In headers: every line of the file must stay an op that POST /api/import takes back.
        return ResponseEntity.ok().headers(CompletenessCheck.headers(projection)).contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }
}
