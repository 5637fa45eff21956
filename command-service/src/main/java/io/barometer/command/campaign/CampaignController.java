package io.barometer.command.campaign;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.command.attribution.Dispatcher;
import io.barometer.command.attribution.RequestAttribution;
import io.barometer.command.rules.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Admins open campaigns and move their deadline. */
@RestController
public class CampaignController {

    public record OpenCampaignRequest(@NotBlank String campaign, @NotNull Integer year, @NotBlank String title,
                                      @NotNull Instant opensAt, @NotNull Instant closesAt,
                                      @NotBlank String questionnaire) {
    }

    public record DeadlineRequest(@NotNull Instant closesAt) {
    }

    public record CampaignWritten(String campaign, long version, boolean changed) {
    }

    private final Dispatcher dispatcher;
    private final RequestAttribution attribution;

    public CampaignController(Dispatcher dispatcher, RequestAttribution attribution) {
        this.dispatcher = dispatcher;
        this.attribution = attribution;
    }

    @PostMapping("/api/campaigns")
    public ResponseEntity<CampaignWritten> open(@Valid @RequestBody OpenCampaignRequest body, HttpServletRequest request) {
        Outcome outcome = dispatcher.send(new OpenCampaign(body.campaign(), body.year(), body.title(), body.opensAt(),
                body.closesAt(), body.questionnaire()), attribution.forAdmin(request, null));
        return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new CampaignWritten(body.campaign(), outcome.version(), outcome.changed()));
    }

    @PutMapping("/api/campaigns/{campaign}/deadline")
    public CampaignWritten moveDeadline(@PathVariable String campaign, @Valid @RequestBody DeadlineRequest body,
                                        HttpServletRequest request) {
        Outcome outcome = dispatcher.send(new MoveDeadline(campaign, body.closesAt()), attribution.forAdmin(request, null));
        return new CampaignWritten(campaign, outcome.version(), outcome.changed());
    }
}
