package io.barometer.query.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

/**
 * GET /api/campaigns/{c}/progress (admins): how far each collectivité is in filling in its questionnaire,
 * so that the survey team can chase the ones that have not finished. Every registered collectivité is
 * listed, started or not; sortable by last change.
 */
@RestController
@Tag(name = "progress")
public class ProgressController {

    public record Sections(boolean profile, boolean projects, boolean motivations, int actorStatements,
                           int actorStatementsInQuestionnaire) {
    }

    public record Row(String collectivite, String name, boolean started, Instant startedAt, boolean late,
                      Sections sections, int projects, boolean submitted, Instant submittedAt, LastChange lastChange) {
    }

    public record ProgressView(String campaign, Instant asOf, String basis, Instant closesAt, int collectivites,
                               int started, int submitted, int late, List<Row> items, Completeness projection) {
    }

    private final CampaignRepository campaigns;
    private final AsOfRepository asOf;
    private final ProgressRepository progress;
    private final CompletenessCheck completeness;

    public ProgressController(CampaignRepository campaigns, AsOfRepository asOf, ProgressRepository progress,
                              CompletenessCheck completeness) {
        this.campaigns = campaigns;
        this.asOf = asOf;
        this.progress = progress;
        this.completeness = completeness;
    }

    @GetMapping("/api/campaigns/{campaign}/progress")
    @Operation(operationId = "getProgress", summary = "Who has answered how much", description = """
            Admins. Every registered collectivité as of the cut-off: started or not, late or not, which sections \
            are filled, its projects, submitted or not, and its last change (when; by whom: `userId`, a person id, \
            and `userName`, "personne effacée" once erased). `projection` says whether the projection had caught \
            up; `minPosition` waits until it holds a write's `X-Event-Position`.""")
    @Refusals({400, 403, 404, 503})
    public ProgressView progress(@PathVariable String campaign,
                                 @RequestParam(required = false) String asOf,
                                 @RequestParam(required = false) String basis,
                                 @RequestParam(defaultValue = "lastChange") String sort,
                                 @RequestParam(defaultValue = "desc") String order,
                                 @RequestParam(required = false) String minPosition) {
        ViewParameters.AsOf cutoff = ViewParameters.asOf(asOf);
        Basis clock = ViewParameters.basis(basis);
        Comparator<Row> comparator = switch (sort) {
            case "lastChange" -> Comparator.comparing((Row r) -> r.lastChange() == null ? null : r.lastChange().at(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case "collectivite" -> Comparator.comparing(Row::collectivite);
            case "startedAt" -> Comparator.comparing(Row::startedAt, Comparator.nullsFirst(Comparator.naturalOrder()));
            default -> throw ApiException.invalid("sort", "must be lastChange, startedAt or collectivite");
        };
        if (order.equals("desc")) {
            comparator = comparator.reversed();
        } else if (!order.equals("asc")) {
            throw ApiException.invalid("order", "must be asc or desc");
        }
        Completeness projection = completeness.awaiting(minPosition);
        Campaign c = campaigns.find(campaign).orElseThrow(() -> ApiException.notFound("campaign", "no campaign " + campaign));
        Instant instant = cutoff.resolve(c);
        AsOfState state = this.asOf.campaign(c, instant, clock);
        int statements = Questionnaires.get(c.questionnaireId()).actorStatements().size();
        Map<String, AsOfState.Respondent> byId = new HashMap<>();
        state.respondents().forEach(r -> byId.put(r.collectiviteId(), r));
        Map<String, LastChange> last = progress.lastChanges(c.id(), instant, clock);

        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> registered : progress.registered(instant, clock).entrySet()) {
            AsOfState.Respondent r = byId.get(registered.getKey());
            if (r == null) {
                rows.add(new Row(registered.getKey(), registered.getValue(), false, null, false,
                        new Sections(false, false, false, 0, statements), 0, false, null, null));
            } else {
                rows.add(new Row(r.collectiviteId(), registered.getValue(), true, r.startedAt(), r.late(),
                        new Sections(r.profile() != null, !r.projects().isEmpty(), r.motivations() != null,
                                r.actors().size(), statements),
                        r.projects().size(), r.submitted(), r.submittedAt(), last.get(r.collectiviteId())));
            }
        }
        rows.sort(comparator.thenComparing(Row::collectivite));
        return new ProgressView(c.id(), instant, clock.name().toLowerCase(), c.closesAt(), rows.size(),
                state.respondents().size(), (int) state.respondents().stream().filter(AsOfState.Respondent::submitted).count(),
                (int) state.respondents().stream().filter(AsOfState.Respondent::late).count(), rows, projection);
    }
}
