package io.barometer.query.comparison;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
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

/**
 * GET /api/comparisons?base=…&target=… (analysts, admins): each edition as of its own closing unless
 * baseAsOf/targetAsOf say otherwise; {@code panel=true} keeps the respondents present in both;
 * {@code exclude} applies to both sides.
 */
@RestController
@Tag(name = "comparisons")
public class ComparisonController {

    private final CampaignRepository campaigns;
    private final AsOfRepository asOf;
    private final CompletenessCheck completeness;

    public ComparisonController(CampaignRepository campaigns, AsOfRepository asOf, CompletenessCheck completeness) {
        this.campaigns = campaigns;
        this.asOf = asOf;
        this.completeness = completeness;
    }

    @GetMapping("/api/comparisons")
    @Operation(operationId = "compareCampaigns", summary = "Compare two editions", description = """
            Analysts, admins. Per domain count, share, share done and average progress in both editions and their \
            difference, motivation scores and ranks, top domains. Each side is cut at its own closing unless \
            `baseAsOf`/`targetAsOf` say otherwise; `exclude` applies to both. `projection` says whether the \
            projection had caught up; `minPosition` waits until it holds a write's `X-Event-Position`.""")
    @Refusals({400, 403, 404, 503})
    public Comparison.View compare(@RequestParam(required = false) String base,
                                   @RequestParam(required = false) String target,
                                   @RequestParam(required = false) String baseAsOf,
                                   @RequestParam(required = false) String targetAsOf,
                                   @RequestParam(required = false) String basis,
                                   @RequestParam(required = false) String exclude,
                                   @RequestParam(required = false) String lateRespondents,
                                   @RequestParam(required = false) String panel,
                                   @RequestParam(required = false) String minPosition) {
        Basis clock = ViewParameters.basis(basis);
        Set<String> excluded = ViewParameters.exclude(exclude);
        boolean excludeLate = ViewParameters.excludeLate(lateRespondents);
        boolean onPanel = flag("panel", panel);
        Completeness projection = completeness.awaiting(minPosition);
        Campaign b = campaign("base", base);
        Campaign t = campaign("target", target);
        AsOfState.Selection selection = new AsOfState.Selection(excluded, excludeLate);
        AsOfState baseState = asOf.campaign(b, at("baseAsOf", baseAsOf).resolve(b), clock).select(selection);
        AsOfState targetState = asOf.campaign(t, at("targetAsOf", targetAsOf).resolve(t), clock).select(selection);
        if (onPanel) {
            AsOfState[] both = Comparison.panel(baseState, targetState);
            baseState = both[0];
            targetState = both[1];
        }
        return Comparison.compare(baseState, Questionnaires.get(b.questionnaireId()), targetState,
                Questionnaires.get(t.questionnaireId()), onPanel, List.copyOf(excluded)).with(projection);
    }

    /** Each side defaults to its own campaign's closing, as the report compared editions. */
    private static ViewParameters.AsOf at(String field, String value) {
        if (value == null || value.isBlank()) {
            return new ViewParameters.AsOf(null, true);
        }
        try {
            return ViewParameters.asOf(value);
        } catch (ApiException e) {
            throw ApiException.invalid(field, e.getMessage());
        }
    }

    private Campaign campaign(String field, String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.invalid(field, "is required: a campaign id such as bvn-2013");
        }
        return campaigns.find(id).orElseThrow(() -> ApiException.notFound(field, "no campaign " + id));
    }

    private static boolean flag(String field, String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.invalid(field, "must be true or false");
    }
}
