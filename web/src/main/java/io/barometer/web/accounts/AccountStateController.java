package io.barometer.web.accounts;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
 * An admin disables or re-enables one account, on a page of its own that asks for the reason first: the change
 * signs a person out of every service within a minute, so it is confirmed, never a single click in a long list.
 */
@Controller
public class AccountStateController {

    private static final String ADMINS_ONLY = "accounts are disabled and enabled by admins";

    private final Services services;
    private final Pages pages;

    public AccountStateController(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    /** The account is named by its person's id: URLs end up in proxies' logs, which must hold no username. */
    @GetMapping("/admin/accounts/{person}/state")
    public String confirm(@PathVariable String person, @RequestParam(defaultValue = "false") boolean enabled,
                          HttpServletRequest request, Model model) {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        return page(request, model, services.account(me.caller(), person), enabled, "", Map.of());
    }

    @PostMapping("/admin/accounts/{person}/state")
    public String change(@PathVariable String person, @RequestParam(defaultValue = "false") boolean enabled,
                         @RequestParam(defaultValue = "") String reason, HttpServletRequest request, HttpSession session,
                         Model model) {
        SignedIn me = SignedIn.requireAdmin(ADMINS_ONLY);
        String username;
        try {
            username = services.setAccountEnabled(me.caller(), person, enabled, reason.strip());
        } catch (ApiProblem p) {
            if (p.status() >= 500) {
                throw p;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            p.errors().forEach(e -> errors.putIfAbsent("reason".equals(e.field()) ? "reason" : "account", e.message()));
            if (errors.isEmpty()) {
                errors.put("account", p.getMessage());
            }
            return page(request, model, services.account(me.caller(), person), enabled, reason, errors);
        }
        // Said once on the list it goes back to, like a created account.
        session.setAttribute(AccountsController.NOTICE,
                pages.texts(request).get(enabled ? "accounts.enabled" : "accounts.disabled", username));
        return "redirect:/admin/accounts";
    }

    private String page(HttpServletRequest request, Model model, AccountsPage.Account account, boolean enabled,
                        String reason, Map<String, String> errors) {
        model.addAttribute("page", pages.of(request, enabled ? "accounts.enableTitle" : "accounts.disableTitle",
                account.username()));
        model.addAttribute("username", account.username());
        model.addAttribute("personId", account.personId());
        model.addAttribute("enabled", enabled);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "accounts/state";
    }
}
