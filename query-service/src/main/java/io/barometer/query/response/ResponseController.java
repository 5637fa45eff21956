package io.barometer.query.response;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.query.asof.AsOfRepository;
import io.barometer.query.asof.Basis;
import io.barometer.query.asof.ViewParameters;
import io.barometer.query.campaign.Campaign;
import io.barometer.query.campaign.CampaignRepository;
import io.barometer.query.completeness.Completeness;
import io.barometer.query.completeness.CompletenessCheck;
import io.barometer.query.web.ProblemHandler;
import io.barometer.support.openapi.Refusals;
import io.barometer.support.security.CurrentUser;
import io.barometer.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * GET /api/campaigns/{c}/responses/{coll}: a questionnaire as of a cut-off, for its respondent, analysts
 * and admins. {@code minVersion} (the ETag of a write) waits briefly until the projection holds that
 * version, so a respondent sees what it has just written.
 */
@RestController
@Tag(name = "views")
public class ResponseController {

    /** The projection has not reached the version asked for within the wait. */
    static class ProjectionBehind extends RuntimeException {
        final long projected;
        final long wanted;

        ProjectionBehind(long projected, long wanted) {
            super("The view holds version " + projected + " of this response, not yet " + wanted + "; retry shortly");
            this.projected = projected;
            this.wanted = wanted;
        }
    }

    private final CampaignRepository campaigns;
    private final AsOfRepository asOf;
    private final CompletenessCheck completeness;

    public ResponseController(CampaignRepository campaigns, AsOfRepository asOf, CompletenessCheck completeness) {
        this.campaigns = campaigns;
        this.asOf = asOf;
        this.completeness = completeness;
    }

    @GetMapping("/api/campaigns/{campaign}/responses/{collectivite}")
    @Operation(operationId = "getResponse", summary = "A questionnaire as of a cut-off", description = """
            The collectivité's respondents, analysts, admins. The response as it stood at the cut-off: profile, \
            projects with their governance, motivations, actor statements, each with its timeliness label. \
            `minVersion` (a write's `ETag`) waits until the view holds that write; `minPosition` (a write's or an \
            import's `X-Event-Position`) until the projection holds every event up to it. `projection` says whether \
            the projection had caught up with the store when the view was computed.""")
    @Refusals({400, 403, 404, 503})
    public ResponseView response(@PathVariable String campaign, @PathVariable String collectivite,
                                 @RequestParam(name = "asOf", required = false) String asOfParam,
                                 @RequestParam(name = "basis", required = false) String basisParam,
                                 @RequestParam(name = "minVersion", required = false) String minVersionParam,
                                 @RequestParam(name = "minPosition", required = false) String minPosition) {
        if (!CurrentUser.get().mayRead(collectivite)) {
            throw ApiException.forbidden("A respondent may only read its own collectivité's response");
        }
        ViewParameters.AsOf cutoff = ViewParameters.asOf(asOfParam);
        Basis basis = ViewParameters.basis(basisParam);
        long minVersion = minVersion(minVersionParam);
        if (minVersion > 0) {
            awaitVersion(campaign, collectivite, minVersion);
        }
        Completeness projection = completeness.awaiting(minPosition);
        Campaign c = campaigns.find(campaign)
                .orElseThrow(() -> ApiException.notFound("campaign", "no campaign " + campaign));
        Instant instant = cutoff.resolve(c);
        return asOf.response(c, collectivite, instant, basis)
                .map(r -> ResponseView.of(c.id(), instant, basis, c.closesAt(), r, projection))
                .orElseThrow(() -> ApiException.notFound("collectivite",
                        collectivite + " had not started " + campaign + " as of " + instant + " (" + basis.key() + ")"));
    }

    private static long minVersion(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long version = Long.parseLong(value.replace("\"", "").trim());
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("minVersion", "must be a positive version, as in the ETag of a write");
        }
    }

    private void awaitVersion(String campaign, String collectivite, long wanted) {
        long projected = completeness.poll(() -> asOf.projectedVersion(campaign, collectivite), wanted);
        if (projected < wanted) {
            throw new ProjectionBehind(projected, wanted);
        }
    }

    @ExceptionHandler(ProjectionBehind.class)
    ResponseEntity<ProblemDetail> behind(ProjectionBehind e) {
        ResponseEntity<ProblemDetail> problem = ProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(),
                List.of(new ProblemHandler.FieldError("minVersion", "not reached yet")));
        problem.getBody().setProperty("projectedVersion", e.projected);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem.getBody());
    }
}
