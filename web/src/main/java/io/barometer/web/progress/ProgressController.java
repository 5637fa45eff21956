package io.barometer.web.progress;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.barometer.web.api.CampaignProgress;
import io.barometer.web.api.Services;
import io.barometer.web.page.Pages;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An admin chases the collectivités that have not finished: every registered one with what it has filled,
 * sortable, filtered to those not started or not submitted, and the chase list as CSV.
 */
@Controller
public class ProgressController {

    private static final String ADMINS_ONLY = "the progress of every collectivité is for admins";

    static final List<String> SORTS = List.of("name", "state", "lastChange", "projects");
    static final List<String> FILTERS = List.of("all", "notStarted", "notSubmitted");

    private static final CsvMapper CSV = new CsvMapper();

    private final Services services;
    private final Pages pages;

    public ProgressController(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    @GetMapping("/campaigns/{campaign}/progress")
    public String progress(@PathVariable String campaign, @RequestParam(defaultValue = "name") String sort,
                           @RequestParam(defaultValue = "all") String show, HttpServletRequest request, Model model) {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        CampaignProgress progress = services.progress(me.caller(), campaign);
        String s = SORTS.contains(sort) ? sort : "name";
        String f = FILTERS.contains(show) ? show : "all";
        model.addAttribute("page", pages.of(request, "progress.title", services.campaign(me.caller(), campaign).title()));
        model.addAttribute("progress", progress);
        model.addAttribute("rows", rows(progress, s, f));
        model.addAttribute("sort", s);
        model.addAttribute("show", f);
        return "progress/page";
    }

    /** Those who have not submitted, for the survey team's reminders; texts written so no cell starts a formula. */
    @GetMapping("/campaigns/{campaign}/progress/chase.csv")
    public void chaseList(@PathVariable String campaign, HttpServletResponse response) throws IOException {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        CampaignProgress progress = services.progress(me.caller(), campaign);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + campaign + "-chase.csv\"");
        CsvSchema schema = CsvSchema.builder().setUseHeader(true).setColumnSeparator(';').setLineSeparator("\r\n")
                .addColumn("collectivite").addColumn("name").addColumn("started").addColumn("startedAt")
                .addColumn("projects").addColumn("lastChange").build();
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        try (SequenceWriter rows = CSV.writer(schema).writeValues(out)) {
            for (CampaignProgress.Row r : rows(progress, "name", "notSubmitted")) {
                rows.write(List.of(text(r.collectivite()), text(r.name()), Boolean.toString(r.started()),
                        r.startedAt() == null ? "" : r.startedAt().toString(), Integer.toString(r.projects()),
                        r.lastChange() == null || r.lastChange().at() == null ? "" : r.lastChange().at().toString()));
            }
        }
    }

    /** A text a person typed, made to read as text in a spreadsheet (OWASP: a leading apostrophe). */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    static List<CampaignProgress.Row> rows(CampaignProgress progress, String sort, String show) {
        Comparator<CampaignProgress.Row> byName = Comparator.comparing(r -> r.name() == null ? r.collectivite()
                : r.name(), String.CASE_INSENSITIVE_ORDER);
        Comparator<CampaignProgress.Row> order = switch (sort) {
            case "state" -> Comparator.<CampaignProgress.Row>comparingInt(r -> r.submitted() ? 2 : r.started() ? 1 : 0)
                    .thenComparing(byName);
            case "lastChange" -> Comparator.<CampaignProgress.Row, java.time.Instant>comparing(
                    r -> r.lastChange() == null ? null : r.lastChange().at(),
                    Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(byName);
            case "projects" -> Comparator.<CampaignProgress.Row>comparingInt(CampaignProgress.Row::projects)
                    .thenComparing(byName);
            default -> byName;
        };
        return progress.items().stream().filter(r -> switch (show) {
            case "notStarted" -> !r.started();
            case "notSubmitted" -> !r.submitted();
            default -> true;
        }).sorted(order).toList();
    }
}
