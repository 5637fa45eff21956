package io.barometer.command.campaign;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.command.attribution.AttributionHeaders;
import io.barometer.command.attribution.Dispatcher;
import io.barometer.command.attribution.WriteHeaders;
import io.barometer.command.rules.Outcome;
import io.barometer.command.web.AppendsEvents;
import io.barometer.support.openapi.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Admins open campaigns and move their deadline. */
@RestController
@AppendsEvents
@Tag(name = "campaigns")
@AttributionHeaders(onBehalfOf = false)
public class CampaignController {

    @Schema(example = """
            {"campaign": "bvn-2014", "year": 2014, "title": "Baromètre des villes numériques 2014",
             "opensAt": "2013-12-01T00:00:00+01:00", "closesAt": "2014-03-15T23:59:59+01:00", "questionnaire": "bvn-2014"}""")
    public record OpenCampaignRequest(@NotBlank String campaign,
                                      @NotNull @Schema(minimum = "2000", maximum = "2100") Integer year,
                                      @NotBlank String title, @NotNull Instant opensAt,
                                      @NotNull @Schema(description = "The official closing: views asOf=closing cut here")
                                      Instant closesAt,
                                      @NotBlank @Schema(description = "A bundled questionnaire definition",
                                              allowableValues = {"bvn-2013", "bvn-2014"}) String questionnaire) {
    }

    @Schema(example = """
            {"closesAt": "2014-03-31T23:59:59+02:00"}""")
    public record DeadlineRequest(@NotNull Instant closesAt) {
    }

    public record CampaignWritten(String campaign, long version, boolean changed) {
    }

    private final Dispatcher dispatcher;

    public CampaignController(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping("/api/campaigns")
    @Operation(operationId = "openCampaign", summary = "Open a campaign", description = """
            Admins. Opens an edition with its questionnaire and its official closing (`closesAt`), the cut-off that \
            the views' `asOf=closing` stands for. Opening it again with the same values changes nothing (200); with \
            other values it is refused (409).""")
    @ApiResponse(responseCode = "201", description = "Opened.")
    @ApiResponse(responseCode = "200", description = "Already open with these values: nothing changed.")
    @Refusals({400, 403, 409, 413, 415, 422})
    public ResponseEntity<CampaignWritten> open(@Valid @RequestBody OpenCampaignRequest body, WriteHeaders write) {
        Outcome outcome = dispatcher.send(new OpenCampaign(body.campaign(), body.year(), body.title(), body.opensAt(),
                body.closesAt(), body.questionnaire()), write.forAdmin(null));
        return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new CampaignWritten(body.campaign(), outcome.version(), outcome.changed()));
    }

    @PutMapping("/api/campaigns/{campaign}/deadline")
    @Operation(operationId = "moveDeadline", summary = "Move a campaign's deadline", description = """
            Admins. Sets `closesAt`. It applies retroactively: `asOf=closing`, late respondents and every change's \
            timeliness label always follow the current deadline.""")
    @Refusals({400, 403, 404, 413, 415, 422})
    public CampaignWritten moveDeadline(@PathVariable String campaign, @Valid @RequestBody DeadlineRequest body,
                                        WriteHeaders write) {
        Outcome outcome = dispatcher.send(new MoveDeadline(campaign, body.closesAt()), write.forAdmin(null));
        return new CampaignWritten(campaign, outcome.version(), outcome.changed());
    }
}
