package io.barometer.web.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.barometer.web.api.AccountsPage;
import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.Services;
import io.barometer.web.page.Pages;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * An admin lists the accounts (by role, by collectivité) and creates them: one per person (a respondent is bound
 * to one collectivité). The password is passed once to command-service and kept nowhere here; refusals are shown
 * by their field.
 */
@Controller
public class AccountsController {

    private static final String ADMINS_ONLY = "accounts are listed and created by admins";

    /** What the form shows: the values typed (never the password) and each refused field's message. */
    public record AccountForm(String username, String role, String collectivite, String displayName,
                              Map<String, String> errors) {
        static AccountForm empty() {
            return new AccountForm("", "RESPONDENT", "", "", Map.of());
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** The list beside the form: the filters as asked, so that the URL can be shared, and the page they give. */
    public record Listing(String role, String collectivite, int page, AccountsPage result) {

        /** The filters' query string for another page of the same list. */
        public String query(int otherPage) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("role", role);
            p.put("collectivite", collectivite);
            p.put("page", otherPage == 0 ? null : Integer.toString(otherPage));
            return Services.query(p);
        }

        public boolean hasNext() {
            return (long) (page + 1) * PAGE_SIZE < result.total();
        }
    }

    static final int PAGE_SIZE = 100;
    /** The session's one-time notice of a change just made to an account (disabled, enabled). */
    static final String NOTICE = "accountNotice";
    private static final List<String> ROLES = List.of(SignedIn.RESPONDENT, SignedIn.ANALYST, SignedIn.ADMIN);

    private final Services services;
    private final Pages pages;

    public AccountsController(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    @GetMapping("/admin/accounts")
    public String form(@RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String collectivite,
                       @RequestParam(defaultValue = "0") String page, HttpServletRequest request, HttpSession session,
                       Model model) {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        model.addAttribute("page", pages.of(request, "accounts.title"));
        model.addAttribute("form", AccountForm.empty());
        model.addAttribute("created", session.getAttribute("accountCreated"));
        model.addAttribute("notice", session.getAttribute(NOTICE));
        model.addAttribute("listing", listing(me, role, collectivite, page));
        session.removeAttribute("accountCreated");
        session.removeAttribute(NOTICE);
        return "accounts/create";
    }

    /** The accounts for these filters; a role or page the list does not know shows the whole first page. */
    private Listing listing(SignedIn me, String role, String collectivite, String page) {
        String r = ROLES.contains(role) ? role : "";
        String c = collectivite.strip();
        int p = page.matches("\\d{1,5}") ? Integer.parseInt(page) : 0;
        return new Listing(r, c, p, services.accounts(me.caller(), r, c, p, PAGE_SIZE));
    }

    @PostMapping("/admin/accounts")
    public String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                         @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String collectivite,
                         @RequestParam(defaultValue = "") String displayName, HttpServletRequest request,
                         HttpSession session, Model model) {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        String coll = role.equals(SignedIn.RESPONDENT) ? collectivite.strip() : "";
        try {
            services.createAccount(me.caller(), username.strip(), password, role, coll.isEmpty() ? null : coll,
                    displayName.isBlank() ? null : displayName.strip());
        } catch (ApiProblem p) {
            if (p.status() >= 500) {
                throw p;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            p.errors().forEach(e -> errors.putIfAbsent(e.field() == null ? "username" : fieldOf(e.field()),
                    e.message()));
            if (errors.isEmpty()) {
                errors.put("username", p.getMessage());
            }
            model.addAttribute("page", pages.of(request, "accounts.title"));
            model.addAttribute("form", new AccountForm(username, role, collectivite, displayName, errors));
            model.addAttribute("created", null);
            model.addAttribute("notice", null);
            model.addAttribute("listing", listing(me, "", "", "0"));
            return "accounts/create";
        }
        session.setAttribute("accountCreated", username.strip());
        return "redirect:/admin/accounts";
    }

    /** The API's field names as the form's. */
    private static String fieldOf(String apiField) {
        return apiField.equals("collectiviteId") ? "collectivite" : apiField;
    }
}
