package io.barometer.query.campaign;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.support.questionnaire.Questionnaires;
import io.barometer.query.asof.AsOfRepository;
import io.barometer.query.asof.Basis;
import io.barometer.query.asof.ViewParameters;
import io.barometer.support.openapi.Refusals;
import io.barometer.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Campaigns with their questionnaire and how many responded as of a cut-off (every role). */
@RestController
@Tag(name = "views")
public class CampaignController {

    public record Counts(long respondents, long projects) {
    }

    public record CampaignSummary(String campaign, int year, String title, Instant opensAt, Instant closesAt,
                                  String questionnaire, Instant asOf, String basis, Counts counts) {
    }

    public record CampaignDetail(String campaign, int year, String title, Instant opensAt, Instant closesAt,
                                 String questionnaire, Instant asOf, String basis, Counts counts,
                                 Questionnaire definition) {
    }

    private final CampaignRepository campaigns;
    private final AsOfRepository asOf;

    public CampaignController(CampaignRepository campaigns, AsOfRepository asOf) {
        this.campaigns = campaigns;
        this.asOf = asOf;
    }

    /** Each campaign counted at the same instant, or each at its own closing with asOf=closing. */
    @GetMapping("/api/campaigns")
    @Operation(operationId = "listCampaigns", summary = "List the campaigns", description = """
            Every role. Each campaign with its dates and how many respondents and projects it counts as of the \
            cut-off; with `asOf=closing`, each campaign as of its own closing.""")
    @Refusals(400)
    public List<CampaignSummary> list(@RequestParam(name = "asOf", required = false) String asOfParam,
                                      @RequestParam(name = "basis", required = false) String basisParam) {
        ViewParameters.AsOf cutoff = ViewParameters.asOf(asOfParam);
        Basis basis = ViewParameters.basis(basisParam);
        Instant now = Instant.now();
        return campaigns.all().stream().map(c -> {
            Instant instant = cutoff.instant() == null && !cutoff.closing() ? now : cutoff.resolve(c);
            var counts = asOf.counts(c.id(), instant, basis);
            return new CampaignSummary(c.id(), c.year(), c.title(), c.opensAt(), c.closesAt(), c.questionnaireId(),
                    instant, basis.key(), new Counts(counts[0], counts[1]));
        }).toList();
    }

    @GetMapping("/api/campaigns/{campaign}")
    @Operation(operationId = "getCampaign", summary = "One campaign and its questionnaire", description = """
            Every role. The campaign, its questionnaire definition (domains, catalogue items, scales, statements, \
            French labels) and its counts as of the cut-off; `counts=false` leaves the counts out (`null`): \
            counting a large campaign's answers costs as much as a synthesis, for a caller that only wants the \
            definition.""")
    @Refusals({400, 404})
    public CampaignDetail one(@PathVariable String campaign,
                              @RequestParam(name = "asOf", required = false) String asOfParam,
                              @RequestParam(name = "basis", required = false) String basisParam,
                              @RequestParam(name = "counts", defaultValue = "true") boolean withCounts) {
        ViewParameters.AsOf cutoff = ViewParameters.asOf(asOfParam);
        Basis basis = ViewParameters.basis(basisParam);
        Campaign c = campaigns.find(campaign)
                .orElseThrow(() -> ApiException.notFound("campaign", "no campaign " + campaign));
        Instant instant = cutoff.resolve(c);
        Counts counts = null;
        if (withCounts) {
            long[] n = asOf.counts(c.id(), instant, basis);
            counts = new Counts(n[0], n[1]);
        }
        return new CampaignDetail(c.id(), c.year(), c.title(), c.opensAt(), c.closesAt(), c.questionnaireId(), instant,
                basis.key(), counts, Questionnaires.find(c.questionnaireId()).orElse(null));
    }
}
