package io.barometer.web.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.HistoryPage;
import io.barometer.web.api.Services;
import io.barometer.web.page.Pages;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who changed what, when, from which value to which, across every response: filtered by campaign,
 * collectivité, person and period, page by page, each row linked to its response's history. Admins only.
 */
@Controller
public class AuditController {

    /** The filters as the form holds them; days as people write them (dd/mm/yyyy), Paris time. */
    public record Filters(String campaign, String collectivite, String user, String from, String to, String clock,
                          int page) {
        public String query(int page) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("page", Integer.toString(page));
            p.put("campaign", campaign);
            p.put("collectivite", collectivite);
            p.put("user", user);
            p.put("from", from);
            p.put("to", to);
            p.put("clock", clock);
            return Services.query(p);
        }
    }

    static final int SIZE = 50;

    private final Services services;
    private final Pages pages;
    private final ZoneId zone;

    public AuditController(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
        this.zone = pages.zone();
    }

    @GetMapping("/audit")
    public String audit(@RequestParam(defaultValue = "") String campaign, @RequestParam(defaultValue = "") String collectivite,
                        @RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String from,
                        @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "recorded") String clock,
                        @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        SignedIn me = SignedIn.requireAdmin("the audit is for admins");
        Filters filters = new Filters(campaign, collectivite, user, from, to, clock, Math.max(0, page));
        Map<String, String> errors = new LinkedHashMap<>();
        HistoryPage result = null;
        try {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("campaign", campaign);
            p.put("collectivite", collectivite);
            p.put("user", user);
            p.put("from", instant("from", from, false, errors));
            p.put("to", instant("to", to, true, errors));
            p.put("clock", clock);
            p.put("page", Integer.toString(filters.page()));
            p.put("size", Integer.toString(SIZE));
            if (errors.isEmpty()) {
                result = services.audit(me.caller(), p);
            }
        } catch (ApiProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            problem.errors().forEach(e -> errors.put(e.field() == null ? "campaign" : e.field(), e.message()));
            if (errors.isEmpty()) {
                errors.put("campaign", problem.getMessage());
            }
        }
        model.addAttribute("page", pages.of(request, "audit.title"));
        model.addAttribute("filters", filters);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("size", SIZE);
        return "audit/page";
    }

    /** A day (dd/mm/yyyy) as the instant that starts it, or that ends it for "to"; ISO instants pass as typed. */
    private String instant(String field, String text, boolean endOfDay, Map<String, String> errors) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
            try {
                LocalDate day = LocalDate.parse(value, DateTimeFormatter.ofPattern("d/M/yyyy"));
                return (endOfDay ? day.plusDays(1).atStartOfDay(zone).minusNanos(1000000) : day.atStartOfDay(zone))
                        .toInstant().toString();
            } catch (DateTimeParseException e) {
                errors.put(field, "jj/mm/aaaa");
                return null;
            }
        }
        return value;
    }
}
