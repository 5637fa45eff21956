package io.barometer.query.audit;

import static io.barometer.query.asof.ViewParameters.slug;
import static io.barometer.query.asof.ViewParameters.wholeNumber;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.query.asof.Basis;
import io.barometer.query.campaign.CampaignRepository;
import io.barometer.query.completeness.Completeness;
import io.barometer.query.completeness.CompletenessCheck;
import io.barometer.query.people.PersonNames;
import io.barometer.support.openapi.Refusals;
import io.barometer.support.security.CurrentUser;
import io.barometer.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * GET /api/audit (admins): who changed what, when, from which value to which, filtered and paginated,
 * newest first. GET …/responses/{coll}/history: the same rows for one response along its effective
 * timeline, which that response's respondent may read too.
 */
@RestController
@Tag(name = "audit")
public class AuditController {

    static final int MAX_SIZE = 500;

    private final AuditRepository audit;
    private final CampaignRepository campaigns;
    private final CompletenessCheck completeness;
    private final PersonNames people;

    public AuditController(AuditRepository audit, CampaignRepository campaigns, CompletenessCheck completeness,
                           PersonNames people) {
        this.audit = audit;
        this.campaigns = campaigns;
        this.completeness = completeness;
        this.people = people;
    }

    @GetMapping("/api/audit")
    @Operation(operationId = "searchAudit", summary = "Search the audit trail", description = """
            Admins. Every change, newest first, filtered by campaign, collectivité, user, project and time range \
            (on the `recorded` clock by default): when it was recorded and effective, who made it and in which \
            role, on whose behalf and why, the field, its old and new values and its timeliness. `projection` says \
            whether the projection had caught up; `minPosition` waits until it holds a write's `X-Event-Position`. \
            `userId` and `importedBy` are person ids; `userName` and `importedByName` are their names now \
            ("personne effacée" once erased, null for an id no person has). `user` takes a person id or a username.""")
    @Refusals({400, 403, 503})
    public AuditPage audit(@RequestParam(required = false) String campaign,
                           @RequestParam(required = false) String collectivite,
                           @RequestParam(required = false) String user,
                           @RequestParam(required = false) String project,
                           @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to,
                           @RequestParam(required = false) String clock,
                           @RequestParam(defaultValue = "0") String page,
                           @RequestParam(defaultValue = "50") String size,
                           @RequestParam(required = false) String minPosition) {
        AuditQuery query = new AuditQuery(slug("campaign", campaign), slug("collectivite", collectivite),
                users(user), uuid(project), instant("from", from), instant("to", to), clockOf(clock), false,
                wholeNumber("page", page, 0, Integer.MAX_VALUE), wholeNumber("size", size, 1, MAX_SIZE));
        Completeness projection = completeness.awaiting(minPosition);
        return audit.page(query).with(projection);
    }

    @GetMapping("/api/campaigns/{campaign}/responses/{collectivite}/history")
    @Operation(operationId = "getResponseHistory", summary = "A response's history", description = """
            The collectivité's respondents, admins. Every change of that response along its effective timeline: \
            who (`userId`, and `userName` as on the audit), when, old value and new value. `projection` and \
            `minPosition` as on the audit.""")
    @Refusals({400, 403, 404, 503})
    public AuditPage history(@PathVariable String campaign, @PathVariable String collectivite,
                             @RequestParam(defaultValue = "0") String page,
                             @RequestParam(defaultValue = "500") String size,
                             @RequestParam(required = false) String minPosition) {
        if (!CurrentUser.get().mayRead(collectivite)) {
            throw ApiException.forbidden("A respondent reads only its own collectivité's history");
        }
        Completeness projection = completeness.awaiting(minPosition);
        campaigns.find(campaign).orElseThrow(() -> ApiException.notFound("campaign", "no campaign " + campaign));
        AuditPage history = audit.page(new AuditQuery(campaign, collectivite, null, null, null, null, Basis.EFFECTIVE,
                true, wholeNumber("page", page, 0, Integer.MAX_VALUE), wholeNumber("size", size, 1, MAX_SIZE)));
        if (history.total() == 0) {
            throw ApiException.notFound("collectivite", collectivite + " has no response in " + campaign);
        }
        return history.with(projection);
    }

    private static Basis clockOf(String value) {
        if (value == null || value.isBlank()) {
            return Basis.RECORDED;
        }
        return Basis.parse(value).orElseThrow(() -> ApiException.invalid("clock", "must be 'effective' or 'recorded'"));
    }

    /** The people a {@code user} filter names: by person id or by username, as an admin knows them. */
    private List<String> users(String value) {
        return value == null || value.isBlank() ? null : people.idsMatching(value.strip());
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("project", "must be a project UUID");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO-8601 instant with an offset");
        }
    }
}
