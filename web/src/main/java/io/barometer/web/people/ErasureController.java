package io.barometer.web.people;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.Person;
import io.barometer.web.api.Services;
import io.barometer.web.page.Pages;
import io.barometer.web.page.Texts;
import io.barometer.web.security.SignedIn;
import io.barometer.web.security.SignedInNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * An admin erases a person, on a page of its own that names them and asks for the reason first: an erasure
 * cannot be undone, so it is confirmed, never a single click in a long list. A plain form post and redirect, so
 * that it works without JavaScript.
 */
@Controller
public class ErasureController {

    private final Services services;
    private final Pages pages;
    private final SignedInNames names;

    public ErasureController(Services services, Pages pages, SignedInNames names) {
        this.services = services;
        this.pages = pages;
        this.names = names;
    }

    @GetMapping("/admin/people/{id}/erasure")
    public String confirm(@PathVariable String id, @RequestParam(defaultValue = "") String collectivite,
                          HttpServletRequest request, Model model) {
        SignedIn me = SignedIn.requireAdmin(PeopleController.ADMINS_ONLY);
        return page(request, model, services.person(me.caller(), id), collectivite.strip(), "", Map.of());
    }

    @PostMapping("/admin/people/{id}/erasure")
    public String erase(@PathVariable String id, @RequestParam(defaultValue = "") String collectivite,
                        @RequestParam(defaultValue = "") String reason, HttpServletRequest request, HttpSession session,
                        Model model) {
        SignedIn me = SignedIn.requireAdmin(PeopleController.ADMINS_ONLY);
        String c = collectivite.strip();
        Texts t = pages.texts(request);
        Map<String, String> errors = new LinkedHashMap<>();
        if (reason.isBlank()) {
            errors.put("reason", t.get("erasure.reasonMissing"));
            return page(request, model, services.person(me.caller(), id), c, reason, errors);
        }
        try {
            services.erase(me.caller(), id, reason.strip());
        } catch (ApiProblem p) {
            if (p.status() >= 500) {
                throw p;
            }
            p.errors().forEach(e -> errors.putIfAbsent("reason".equals(e.field()) ? "reason" : "person", e.message()));
            if (errors.isEmpty()) {
                errors.put("person", p.getMessage());
            }
            return page(request, model, services.person(me.caller(), id), c, reason, errors);
        }
        names.forget(id);
        // Said once on the list it goes back to; by the start of the id only, the name being what was erased.
        session.setAttribute(PeopleController.NOTICE, t.get("people.erased", t.person(Texts.ERASED, id)));
        return "redirect:/admin/people" + Services.query(Map.of("collectivite", c));
    }

    private String page(HttpServletRequest request, Model model, Person person, String collectivite, String reason,
                        Map<String, String> errors) {
        Texts t = pages.texts(request);
        String who = person.erased() ? t.person(Texts.ERASED, person.id()) : t.person(person.name(), person.id());
        model.addAttribute("page", pages.of(request, "erasure.title", who));
        model.addAttribute("person", person);
        model.addAttribute("who", who);
        model.addAttribute("collectivite", collectivite);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "people/erase";
    }
}
