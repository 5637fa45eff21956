package io.barometer.query.export;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
import io.barometer.events.questionnaire.Questionnaires;
import io.barometer.query.asof.AsOfRepository;
import io.barometer.query.asof.AsOfState;
import io.barometer.query.asof.Basis;
import io.barometer.query.asof.Timeliness;
import io.barometer.query.asof.ViewParameters;
import io.barometer.query.campaign.Campaign;
import io.barometer.query.campaign.CampaignRepository;
import io.barometer.query.web.ApiException;

/**
 * CSV exports for SPSS and Excel (analysts, admins): one row per live project, or per response, as of a
 * cut-off, with the same exclusions as the synthesis. Codes and French labels side by side; the column
 * order is fixed (docs/query-service.md lists it). Projects stream from a database cursor, so a campaign
 * of any size exports in constant memory.
 */
@RestController
public class ExportController {

    static final List<String> PROJECT_COLUMNS = List.of("campaign", "collectivite", "collectivite_name", "kind",
            "kind_label", "region", "late_respondent", "project", "domain", "domain_label", "catalogue_item",
            "catalogue_item_label", "label", "status", "status_label", "status_score", "measure", "measure_label",
            "means", "means_label", "management_mode", "management_mode_label", "decision_mode", "decision_mode_label",
            "coordination", "coordination_label");

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CampaignRepository campaigns;
    private final AsOfRepository asOf;

    public ExportController(CampaignRepository campaigns, AsOfRepository asOf) {
        this.campaigns = campaigns;
        this.asOf = asOf;
    }

    /** The view a file is cut from: campaign, instant, basis and the respondents kept. */
    record Cut(Campaign campaign, Instant asOf, Basis basis, AsOfState.Selection selection, char delimiter) {
    }

    @GetMapping("/api/campaigns/{campaign}/exports/projects.csv")
    public ResponseEntity<StreamingResponseBody> projects(@PathVariable String campaign,
                                                          @RequestParam(required = false) String asOf,
                                                          @RequestParam(required = false) String basis,
                                                          @RequestParam(required = false) String exclude,
                                                          @RequestParam(required = false) String lateRespondents,
                                                          @RequestParam(required = false) String delimiter) {
        Cut cut = cut(campaign, asOf, basis, exclude, lateRespondents, delimiter);
        Labels labels = new Labels(Questionnaires.get(cut.campaign().questionnaireId()));
        Map<String, AsOfState.Respondent> kept = new HashMap<>();
        for (AsOfState.Respondent r : this.asOf.respondents(cut.campaign(), cut.asOf(), cut.basis())
                .select(cut.selection()).respondents()) {
            kept.put(r.collectiviteId(), r);
        }
        return file(cut, "projects", csv -> {
            csv.row(PROJECT_COLUMNS);
            this.asOf.streamProjects(cut.campaign(), cut.asOf(), cut.basis(), (collectivite, p) -> {
                AsOfState.Respondent r = kept.get(collectivite);
                if (r == null) {
                    return;
                }
                var place = r.place();
                var g = p.governance();
                write(csv, List.of(cut.campaign().id(), collectivite, place == null ? "" : nullToEmpty(place.name()),
                        place == null || place.kind() == null ? "" : place.kind().name(),
                        place == null ? "" : nullToEmpty(labels.kind(place.kind())),
                        place == null ? "" : nullToEmpty(place.region()), r.late(), p.projectId(), p.domain(),
                        nullToEmpty(labels.domain(p.domain())), nullToEmpty(p.catalogueItem()),
                        nullToEmpty(labels.catalogueItem(p.catalogueItem())), nullToEmpty(p.label()),
                        p.status() == null ? "" : p.status().name(), nullToEmpty(labels.status(p.status())),
                        p.status() == null ? "" : p.status().score(), nullToEmpty(g.measure()),
                        nullToEmpty(labels.measure(g.measure())), nullToEmpty(g.means()),
                        nullToEmpty(labels.means(g.means())), code(g.managementMode()),
                        nullToEmpty(labels.managementMode(g.managementMode())), code(g.decisionMode()),
                        nullToEmpty(labels.decisionMode(g.decisionMode())), code(g.coordination()),
                        nullToEmpty(labels.coordination(g.coordination()))));
            });
        });
    }

    @GetMapping("/api/campaigns/{campaign}/exports/respondents.csv")
    public ResponseEntity<StreamingResponseBody> respondents(@PathVariable String campaign,
                                                             @RequestParam(required = false) String asOf,
                                                             @RequestParam(required = false) String basis,
                                                             @RequestParam(required = false) String exclude,
                                                             @RequestParam(required = false) String lateRespondents,
                                                             @RequestParam(required = false) String delimiter) {
        Cut cut = cut(campaign, asOf, basis, exclude, lateRespondents, delimiter);
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
        return file(cut, "respondents", csv -> {
            csv.row(header);
            for (AsOfState.Respondent r : state.respondents()) {
                var place = r.place();
                var profile = r.profile();
                List<Object> row = new ArrayList<>(List.of(cut.campaign().id(), r.collectiviteId(),
                        place == null ? "" : nullToEmpty(place.name()), place == null ? "" : code(place.kind()),
                        place == null ? "" : nullToEmpty(labels.kind(place.kind())),
                        place == null ? "" : nullToEmpty(place.region()), place == null ? "" : nullToEmpty(place.population()),
                        r.startedAt(), r.late(), profile == null ? "" : code(profile.role()),
                        profile == null ? "" : nullToEmpty(labels.role(profile.role())),
                        profile == null ? "" : profile.worksInDigital(), profile == null ? "" : nullToEmpty(profile.organisation()),
                        r.projects().size(), r.submitted(), nullToEmpty(r.submittedAt()), r.changes(), r.changesAfterClosing(),
                        (r.late() ? Timeliness.LATE_SUBMISSION : r.changesAfterClosing() > 0
                                ? Timeliness.POST_DEADLINE_EDIT : Timeliness.ON_TIME).name()));
                for (Motivation m : Motivation.values()) {
                    int rank = r.motivations() == null ? 0 : r.motivations().ranking().indexOf(m) + 1;
                    row.add(rank == 0 ? "" : rank);
                }
                for (String s : statements) {
                    var level = r.actors().get(s);
                    row.add(code(level));
                    row.add(nullToEmpty(labels.agreement(level)));
                }
                csv.row(row);
            }
        });
    }

    private interface Body {
        void write(Csv csv) throws IOException;
    }

    private static ResponseEntity<StreamingResponseBody> file(Cut cut, String name, Body body) {
        String filename = cut.campaign().id() + "-" + name + ".csv";
        StreamingResponseBody stream = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            Csv csv = new Csv(writer, cut.delimiter());
            csv.bom();
            try {
                body.write(csv);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(stream);
    }

    private Cut cut(String campaign, String asOfParam, String basisParam, String exclude, String late, String delimiter) {
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
        Campaign c = campaigns.find(campaign).orElseThrow(() -> ApiException.notFound("campaign", "no campaign " + campaign));
        return new Cut(c, cutoff.resolve(c), basis, new AsOfState.Selection(excluded, excludeLate), sep);
    }

    private static void write(Csv csv, List<?> row) {
        try {
            csv.row(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }

    private static String code(Enum<?> value) {
        return value == null ? "" : value.name();
    }
}
