package io.barometer.web.collectivites;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.Services;
import io.barometer.web.page.Pages;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * An admin registers a collectivité (an id it keeps across editions) and corrects one: only the fields
 * given change, with a reason the audit shows beside the old and new values.
 */
@Controller
public class CollectivitesController {

    private static final String ADMINS_ONLY = "collectivités are registered and corrected by admins";

    static final List<String> KINDS = List.of("COMMUNE", "COMMUNAUTE_AGGLOMERATION", "COMMUNAUTE_URBAINE", "METROPOLE");

    private final Services services;
    private final Pages pages;

    public CollectivitesController(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    @GetMapping("/admin/collectivites")
    public String page(HttpServletRequest request, HttpSession session, Model model) {
        SignedIn.requireAdmin(ADMINS_ONLY);
        model.addAttribute("notice", session.getAttribute("collectiviteNotice"));
        session.removeAttribute("collectiviteNotice");
        return render(request, model, Map.of(), Map.of(), null);
    }

    @PostMapping("/admin/collectivites")
    public String register(@RequestParam Map<String, String> form, HttpServletRequest request, HttpSession session,
                           Model model) {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("collectivite", form.getOrDefault("collectivite", "").strip());
        body.put("name", form.getOrDefault("name", "").strip());
        body.put("kind", form.getOrDefault("kind", ""));
        body.put("region", form.getOrDefault("region", "").strip());
        body.put("population", population(form.getOrDefault("population", ""), "population", errors));
        String parent = form.getOrDefault("parentId", "").strip();
        body.put("parentId", parent.isEmpty() ? null : parent);
        return send(errors, () -> services.registerCollectivite(me.caller(), body), String.valueOf(body.get("collectivite")),
                request, session, model, form);
    }

    @PostMapping("/admin/collectivites/correct")
    public String correct(@RequestParam Map<String, String> form, HttpServletRequest request, HttpSession session,
                          Model model) {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        Map<String, String> errors = new LinkedHashMap<>();
        String id = form.getOrDefault("fix.collectivite", "").strip();
        Map<String, Object> patch = new LinkedHashMap<>();
        for (String field : List.of("name", "region")) {
            String value = form.getOrDefault("fix." + field, "").strip();
            if (!value.isEmpty()) {
                patch.put(field, value);
            }
        }
        if (!form.getOrDefault("fix.kind", "").isEmpty()) {
            patch.put("kind", form.get("fix.kind"));
        }
        String population = form.getOrDefault("fix.population", "").strip();
        if (!population.isEmpty()) {
            patch.put("population", population("?".equals(population) ? "" : population, "fix.population", errors));
        }
        patch.put("reason", form.getOrDefault("fix.reason", "").strip());
        if (id.isEmpty()) {
            errors.put("fix.collectivite", "?");
        }
        return send(errors, () -> services.correctCollectivite(me.caller(), id, patch), id, request, session, model, form);
    }

    private String send(Map<String, String> errors, Runnable write, String id, HttpServletRequest request,
                        HttpSession session, Model model, Map<String, String> form) {
        if (errors.isEmpty()) {
            try {
                write.run();
                session.setAttribute("collectiviteNotice", id);
                return "redirect:/admin/collectivites";
            } catch (ApiProblem p) {
                if (p.status() >= 500) {
                    throw p;
                }
                p.errors().forEach(e -> errors.put(e.field() == null ? "collectivite" : e.field(), e.message()));
                if (errors.isEmpty()) {
                    errors.put("collectivite", p.getMessage());
                }
            }
        }
        model.addAttribute("notice", null);
        return render(request, model, form, errors, null);
    }

    private String render(HttpServletRequest request, Model model, Map<String, String> form, Map<String, String> errors,
                          Object unused) {
        model.addAttribute("page", pages.of(request, "collectivites.title"));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", KINDS);
        return "collectivites/page";
    }

    /** A population as typed: empty for unknown, else a whole number (the service checks its range). */
    private static Integer population(String text, String field, Map<String, String> errors) {
        String value = text.strip().replace(" ", "").replace("\u00a0", "");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.put(field, "0–20 000 000");
            return null;
        }
    }
}
