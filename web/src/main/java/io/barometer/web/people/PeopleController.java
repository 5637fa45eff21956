package io.barometer.web.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.PeoplePage;
import io.barometer.web.api.Services;
import io.barometer.web.page.Pages;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * An admin lists the people of a collectivité — those with an account and those only an imported line named —
 * each with what the platform holds about them and the way to erase them.
 */
@Controller
public class PeopleController {

    static final String ADMINS_ONLY = "people are listed and erased by admins";
    /** The session's one-time notice of an erasure just made: it names no one, only the start of the person id. */
    static final String NOTICE = "peopleNotice";
    static final int PAGE_SIZE = 100;

    /** The list as asked: the collectivité (kept in the URL, so the list can be shared) and the page it gives. */
    public record Listing(String collectivite, int page, PeoplePage result) {

        public String query(int otherPage) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("collectivite", collectivite);
            p.put("page", otherPage == 0 ? null : Integer.toString(otherPage));
            return Services.query(p);
        }

        public boolean hasNext() {
            return (long) (page + 1) * PAGE_SIZE < result.total();
        }
    }

    private final Services services;
    private final Pages pages;

    public PeopleController(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    @GetMapping("/admin/people")
    public String people(@RequestParam(defaultValue = "") String collectivite, @RequestParam(defaultValue = "0") String page,
                         HttpServletRequest request, HttpSession session, Model model) {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        String c = collectivite.strip();
        int p = page.matches("\\d{1,5}") ? Integer.parseInt(page) : 0;
        PeoplePage result;
        String error = null;
        try {
            result = services.people(me.caller(), c, p, PAGE_SIZE);
        } catch (ApiProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            // A collectivité id no collectivité could have: said by its field, the list left empty.
            error = problem.about("collectivite").orElse(problem.getMessage());
            result = new PeoplePage(List.of(), p, PAGE_SIZE, 0);
        }
        model.addAttribute("page", c.isEmpty() ? pages.of(request, "people.title") : pages.of(request, "people.titleOf", c));
        model.addAttribute("listing", new Listing(c, p, result));
        model.addAttribute("error", error);
        model.addAttribute("me", me.personId());
        model.addAttribute("notice", session.getAttribute(NOTICE));
        session.removeAttribute(NOTICE);
        return "people/list";
    }
}
