package io.barometer.query.export;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.barometer.events.Motivation;
import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.support.questionnaire.Questionnaires;
import io.barometer.query.asof.AsOfRepository;
import io.barometer.query.asof.AsOfState;
import io.barometer.query.asof.Basis;
import io.barometer.query.asof.Timeliness;
import io.barometer.query.asof.ViewParameters;
import io.barometer.query.campaign.Campaign;
import io.barometer.query.campaign.CampaignRepository;
import io.barometer.query.completeness.Completeness;
import io.barometer.query.completeness.CompletenessCheck;
import io.barometer.support.openapi.Refusals;
import io.barometer.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * CSV exports for SPSS and Excel (analysts, admins): one row per live project, or per response, as of a
 * cut-off, with the same exclusions as the synthesis. Codes and French labels side by side; the column
 * order is fixed (docs/query-service.md lists it). Projects stream from a database cursor, so a campaign
 * of any size exports in constant memory.
 */
@RestController
@Tag(name = "exports")
@Refusals({400, 403, 404, 503})
public class ExportController {

    static final List<String> PROJECT_COLUMNS = List.of("campaign", "collectivite", "collectivite_name", "kind",
            "kind_label", "region", "late_respondent", "project", "domain", "domain_label", "catalogue_item",
            "catalogue_item_label", "label", "status", "status_label", "status_score", "measure", "measure_label",
            "means", "means_label", "management_mode", "management_mode_label", "decision_mode", "decision_mode_label",
            "coordination", "coordination_label");

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CampaignRepository campaigns;
    private final AsOfRepository asOf;
    private final CompletenessCheck completeness;

    public ExportController(CampaignRepository campaigns, AsOfRepository asOf, CompletenessCheck completeness) {
        this.campaigns = campaigns;
        this.asOf = asOf;
        this.completeness = completeness;
    }

    /** The view a file is cut from: campaign, instant, basis, the respondents kept, and how complete it is. */
    record Cut(Campaign campaign, Instant asOf, Basis basis, AsOfState.Selection selection, char delimiter,
               Completeness projection) {
    }

    @GetMapping("/api/campaigns/{campaign}/exports/projects.csv")
    @Operation(operationId = "exportProjects", summary = "Projects as CSV", description = """
            Analysts, admins. One row per live project as of the cut-off, with the synthesis's exclusions: codes \
            and French labels side by side, UTF-8, streamed whatever the campaign's size.""")
    @ApiResponse(responseCode = "200", description = "The file.", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string")), headers = @Header(name = "Content-Disposition",
            description = "attachment; filename=\"{campaign}-projects.csv\"", schema = @Schema(type = "string")))
    public ResponseEntity<StreamingResponseBody> projects(@PathVariable String campaign,
                                                          @RequestParam(required = false) String asOf,
                                                          @RequestParam(required = false) String basis,
                                                          @RequestParam(required = false) String exclude,
                                                          @RequestParam(required = false) String lateRespondents,
                                                          @RequestParam(required = false) String delimiter,
                                                          @RequestParam(required = false) String minPosition) {
        Cut cut = cut(campaign, asOf, basis, exclude, lateRespondents, delimiter, minPosition);
        Labels labels = new Labels(Questionnaires.get(cut.campaign().questionnaireId()));
        Map<String, AsOfState.Respondent> kept = new HashMap<>();
        for (AsOfState.Respondent r : this.asOf.respondents(cut.campaign(), cut.asOf(), cut.basis())
                .select(cut.selection()).respondents()) {
            kept.put(r.collectiviteId(), r);
        }
        return file(cut, "projects", PROJECT_COLUMNS, csv -> this.asOf.streamProjects(cut.campaign(), cut.asOf(),
                cut.basis(), (collectivite, p) -> {
                    AsOfState.Respondent r = kept.get(collectivite);
                    if (r == null) {
                        return;
                    }
                    var place = r.place();
                    var kind = place == null ? null : place.kind();
                    var g = p.governance();
                    write(csv, cut.campaign().id(), collectivite, place == null ? null : place.name(), kind,
                            labels.kind(kind), place == null ? null : place.region(), r.late(), p.projectId(),
                            p.domain(), labels.domain(p.domain()), p.catalogueItem(),
                            labels.catalogueItem(p.catalogueItem()), p.label(), p.status(), labels.status(p.status()),
                            p.status() == null ? null : p.status().score(), g.measure(), labels.measure(g.measure()),
                            g.means(), labels.means(g.means()), g.managementMode(),
                            labels.managementMode(g.managementMode()), g.decisionMode(),
                            labels.decisionMode(g.decisionMode()), g.coordination(), labels.coordination(g.coordination()));
                }));
    }

    @GetMapping("/api/campaigns/{campaign}/exports/respondents.csv")
    @Operation(operationId = "exportRespondents", summary = "Respondents as CSV", description = """
            Analysts, admins. One row per response as of the cut-off: the collectivité, the profile, counts of \
            projects and changes, timeliness, motivation ranks and actor ratings.""")
    @ApiResponse(responseCode = "200", description = "The file.", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string")), headers = @Header(name = "Content-Disposition",
            description = "attachment; filename=\"{campaign}-respondents.csv\"", schema = @Schema(type = "string")))
    public ResponseEntity<StreamingResponseBody> respondents(@PathVariable String campaign,
                                                             @RequestParam(required = false) String asOf,
                                                             @RequestParam(required = false) String basis,
                                                             @RequestParam(required = false) String exclude,
                                                             @RequestParam(required = false) String lateRespondents,
                                                             @RequestParam(required = false) String delimiter,
                                                             @RequestParam(required = false) String minPosition) {
        Cut cut = cut(campaign, asOf, basis, exclude, lateRespondents, delimiter, minPosition);
        Questionnaire q = Questionnaires.get(cut.campaign().questionnaireId());
        Labels labels = new Labels(q);
        AsOfState state = this.asOf.campaign(cut.campaign(), cut.asOf(), cut.basis()).select(cut.selection());
        List<String> statements = q.actorStatements().stream().map(Questionnaire.ActorStatement::key).toList();
        List<String> header = new ArrayList<>(List.of("campaign", "collectivite", "collectivite_name", "kind",
                "kind_label", "region", "population", "started_at", "late_respondent", "role", "role_label",
                "works_in_digital", "organisation", "projects", "submitted", "submitted_at", "changes",
                "changes_after_closing", "timeliness"));
        for (Motivation m : Motivation.values()) {
            header.add("rank_" + m.name());
        }
        for (String s : statements) {
            header.add("actor_" + s);
            header.add("actor_" + s + "_label");
        }
        return file(cut, "respondents", header, csv -> {
            for (AsOfState.Respondent r : state.respondents()) {
                var place = r.place();
                var kind = place == null ? null : place.kind();
                var profile = r.profile();
                var role = profile == null ? null : profile.role();
                List<Object> row = new ArrayList<>(Arrays.asList(cut.campaign().id(), r.collectiviteId(),
                        place == null ? null : place.name(), kind, labels.kind(kind),
                        place == null ? null : place.region(), place == null ? null : place.population(),
                        r.startedAt(), r.late(), role, labels.role(role),
                        profile == null ? null : profile.worksInDigital(),
                        profile == null ? null : profile.organisation(), r.projects().size(), r.submitted(),
                        r.submittedAt(), r.changes(), r.changesAfterClosing(),
                        r.late() ? Timeliness.LATE_SUBMISSION : r.changesAfterClosing() > 0
                                ? Timeliness.POST_DEADLINE_EDIT : Timeliness.ON_TIME));
                for (Motivation m : Motivation.values()) {
                    int rank = r.motivations() == null ? 0 : r.motivations().ranking().indexOf(m) + 1;
                    row.add(rank == 0 ? null : rank);
                }
                for (String s : statements) {
                    var level = r.actors().get(s);
                    row.add(level);
                    row.add(labels.agreement(level));
                }
                csv.row(row.toArray());
            }
        });
    }

    private interface Body {
        void write(Csv csv) throws IOException;
    }

    private static ResponseEntity<StreamingResponseBody> file(Cut cut, String name, List<String> columns, Body body) {
        String filename = cut.campaign().id() + "-" + name + ".csv";
        StreamingResponseBody stream = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            try (Csv csv = new Csv(writer, cut.delimiter(), columns)) {
                body.write(csv);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        // In headers, not in the file: a comment line would be read as data by SPSS, Excel and most CSV parsers.
        return ResponseEntity.ok()
                .headers(CompletenessCheck.headers(cut.projection()))
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(stream);
    }

    private Cut cut(String campaign, String asOfParam, String basisParam, String exclude, String late, String delimiter,
                    String minPosition) {
        ViewParameters.AsOf cutoff = ViewParameters.asOf(asOfParam);
        Basis basis = ViewParameters.basis(basisParam);
        Set<String> excluded = ViewParameters.exclude(exclude);
        boolean excludeLate = ViewParameters.excludeLate(late);
        char sep = switch (delimiter == null ? "comma" : delimiter) {
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "tab" -> '\t';
            default -> throw ApiException.invalid("delimiter", "must be comma, semicolon or tab");
        };
        Completeness projection = completeness.awaiting(minPosition);
        Campaign c = campaigns.find(campaign).orElseThrow(() -> ApiException.notFound("campaign", "no campaign " + campaign));
        return new Cut(c, cutoff.resolve(c), basis, new AsOfState.Selection(excluded, excludeLate), sep, projection);
    }

    /** For a row written from a callback that may not throw {@link IOException}. */
    private static void write(Csv csv, Object... cells) {
        try {
            csv.row(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
