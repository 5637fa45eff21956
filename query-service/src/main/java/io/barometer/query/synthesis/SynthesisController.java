package io.barometer.query.synthesis;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.support.questionnaire.Questionnaires;
import io.barometer.query.asof.AsOfRepository;
import io.barometer.query.asof.AsOfState;
import io.barometer.query.asof.Basis;
import io.barometer.query.asof.ViewParameters;
import io.barometer.query.campaign.Campaign;
import io.barometer.query.campaign.CampaignRepository;
import io.barometer.query.completeness.Completeness;
import io.barometer.query.completeness.CompletenessCheck;
import io.barometer.support.openapi.Refusals;
import io.barometer.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** GET /api/campaigns/{c}/synthesis (analysts, admins): every figure of DESIGN §8 as of a cut-off. */
@RestController
@Tag(name = "synthesis")
public class SynthesisController {

    private final CampaignRepository campaigns;
    private final AsOfRepository asOf;
    private final CompletenessCheck completeness;

    public SynthesisController(CampaignRepository campaigns, AsOfRepository asOf, CompletenessCheck completeness) {
        this.campaigns = campaigns;
        this.asOf = asOf;
        this.completeness = completeness;
    }

    @GetMapping("/api/campaigns/{campaign}/synthesis")
    @Operation(operationId = "getSynthesis", summary = "Every statistic as of a cut-off", description = """
            Analysts, admins. Profile, projects per domain and status, governance, motivations and actors as of \
            `asOf` on `basis`, without the collectivités in `exclude` (and the late respondents, with \
            `lateRespondents=exclude`). It names what it rests on (`eventsThrough`, `fingerprint`) so that a \
            published figure can be regenerated exactly, and says in `projection` whether the projection had caught up: \
            until it has, the fingerprint is `provisional:…`. `minPosition` (a write's `X-Event-Position`) waits \
            until the projection holds that write.""")
    @Refusals({400, 403, 404, 503})
    public SynthesisView synthesis(@PathVariable String campaign,
                                   @RequestParam(name = "asOf", required = false) String asOfParam,
                                   @RequestParam(name = "basis", required = false) String basisParam,
                                   @RequestParam(name = "exclude", required = false) String excludeParam,
                                   @RequestParam(name = "lateRespondents", required = false) String lateParam,
                                   @RequestParam(name = "minPosition", required = false) String minPosition) {
        ViewParameters.AsOf cutoff = ViewParameters.asOf(asOfParam);
        Basis basis = ViewParameters.basis(basisParam);
        Set<String> excluded = ViewParameters.exclude(excludeParam);
        boolean excludeLate = ViewParameters.excludeLate(lateParam);
        Completeness projection = completeness.awaiting(minPosition);
        Campaign c = campaigns.find(campaign)
                .orElseThrow(() -> ApiException.notFound("campaign", "no campaign " + campaign));
        Instant instant = cutoff.resolve(c);
        AsOfState state = asOf.campaign(c, instant, basis).select(new AsOfState.Selection(excluded, excludeLate));
        SynthesisFigures figures = Synthesis.compute(state, Questionnaires.get(c.questionnaireId()));
        return SynthesisView.of(state, List.copyOf(excluded), excludeLate, figures, projection);
    }
}
