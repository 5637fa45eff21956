package io.barometer.web.campaigns;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.Campaign;
import io.barometer.web.api.HistoryPage;
import io.barometer.web.api.Services;
import io.barometer.web.page.Pages;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * An admin opens a campaign and moves a deadline. Moving one relabels answers retroactively (late, edited
 * after the closing, on time), so the page first says how many changes would get another label, and moves
 * it only once the admin confirms.
 */
@Controller
public class CampaignsController {

    private static final String ADMINS_ONLY = "campaigns are opened and moved by admins";

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/yyyy H:mm");

    private final Services services;
    private final Pages pages;
    private final ZoneId zone;

    public CampaignsController(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
        this.zone = pages.zone();
    }

    @GetMapping("/admin/campaigns")
    public String campaigns(HttpServletRequest request, HttpSession session, Model model) {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        model.addAttribute("notice", session.getAttribute("campaignNotice"));
        session.removeAttribute("campaignNotice");
        return page(me, request, model, Map.of(), Map.of(), null);
    }

    @PostMapping("/admin/campaigns")
    public String open(@RequestParam Map<String, String> form, HttpServletRequest request, HttpSession session,
                       Model model) {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaign", form.getOrDefault("campaign", "").strip());
        try {
            body.put("year", Integer.valueOf(form.getOrDefault("year", "").strip()));
        } catch (NumberFormatException e) {
            errors.put("year", "aaaa");
        }
        body.put("title", form.getOrDefault("title", "").strip());
        body.put("opensAt", instant("opensAt", form.getOrDefault("opensAt", ""), errors));
        body.put("closesAt", instant("closesAt", form.getOrDefault("closesAt", ""), errors));
        body.put("questionnaire", form.getOrDefault("questionnaire", ""));
        if (errors.isEmpty()) {
            try {
                services.openCampaign(me.caller(), body);
                session.setAttribute("campaignNotice", body.get("campaign"));
                return "redirect:/admin/campaigns";
            } catch (ApiProblem p) {
                if (p.status() >= 500) {
                    throw p;
                }
                p.errors().forEach(e -> errors.put(e.field() == null ? "campaign" : e.field(), e.message()));
                if (errors.isEmpty()) {
                    errors.put("campaign", p.getMessage());
                }
            }
        }
        model.addAttribute("notice", null);
        return page(me, request, model, form, errors, null);
    }

    /** First the preview (how many labels change), then, confirmed, the move itself. */
    @PostMapping("/admin/campaigns/{campaign}/deadline")
    public String deadline(@PathVariable String campaign, @RequestParam(defaultValue = "") String closesAt,
                           @RequestParam(defaultValue = "") String confirm, HttpServletRequest request,
                           HttpSession session, Model model) {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        Map<String, String> errors = new LinkedHashMap<>();
        String instant = instant("deadline-" + campaign, closesAt, errors);
        if (errors.isEmpty() && "yes".equals(confirm)) {
            services.moveDeadline(me.caller(), campaign, Instant.parse(instant));
            session.setAttribute("campaignNotice", campaign);
            return "redirect:/admin/campaigns";
        }
        Preview preview = null;
        if (errors.isEmpty()) {
            List<HistoryPage.Change> changes = new ArrayList<>();
            for (int page = 0; ; page++) {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("campaign", campaign);
                p.put("clock", "effective");
                p.put("page", Integer.toString(page));
                p.put("size", "500");
                HistoryPage rows = services.audit(me.caller(), p);
                changes.addAll(rows.items());
                if ((long) (page + 1) * 500 >= rows.total()) {
                    break;
                }
            }
            preview = new Preview(campaign, closesAt, Instant.parse(instant),
                    Relabelling.changedLabels(changes, Instant.parse(instant)), changes.size());
        }
        model.addAttribute("notice", null);
        return page(me, request, model, Map.of(), errors, preview);
    }

    /** A deadline about to move: the new instant and how many of the changes would be labelled otherwise. */
    public record Preview(String campaign, String typed, Instant closesAt, int relabelled, int changes) {
    }

    private String page(SignedIn me, HttpServletRequest request, Model model, Map<String, String> form,
                        Map<String, String> errors, Preview preview) {
        List<Campaign> campaigns = new ArrayList<>(services.campaigns(me.caller()));
        campaigns.sort((a, b) -> Integer.compare(b.year(), a.year()));
        model.addAttribute("page", pages.of(request, "campaigns.title"));
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("questionnaires", Questionnaire.BUNDLED);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview);
        return "campaigns/page";
    }

    /** An instant typed as dd/mm/yyyy hh:mm in the survey's zone, or ISO-8601. */
    private String instant(String field, String text, Map<String, String> errors) {
        String value = text.strip();
        try {
            if (value.matches("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}")) {
                return LocalDateTime.parse(value, TYPED).atZone(zone).toInstant().toString();
            }
            return Instant.parse(value).toString();
        } catch (DateTimeParseException e) {
            errors.put(field, "jj/mm/aaaa hh:mm");
            return null;
        }
    }
}
