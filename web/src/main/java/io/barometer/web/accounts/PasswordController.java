package io.barometer.web.accounts;

import java.util.LinkedHashMap;
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
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Anyone signed in changes their own password. command-service then refuses every token the account holds, the
 * session's one too, so the person is signed out here at once and asked to sign in with the new password.
 */
@Controller
public class PasswordController {

    private static final String OWN_PASSWORD = "a password is changed by its own signed-in person";

    private final Services services;
    private final Pages pages;

    public PasswordController(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    @GetMapping("/account/password")
    public String form(HttpServletRequest request, Model model) {
        SignedIn.require(OWN_PASSWORD);
        return page(request, model, Map.of());
    }

    @PostMapping("/account/password")
    public String change(@RequestParam(defaultValue = "") String currentPassword,
                         @RequestParam(defaultValue = "") String newPassword,
                         @RequestParam(defaultValue = "") String confirmation,
                         HttpServletRequest request, Model model) throws ServletException {
        SignedIn me = SignedIn.require(OWN_PASSWORD);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!newPassword.equals(confirmation)) {
            errors.put("confirmation", pages.texts(request).get("password.mismatch"));
            return page(request, model, errors);
        }
        try {
            services.changeOwnPassword(me.caller(), currentPassword, newPassword);
        } catch (ApiProblem p) {
            if (p.status() >= 500) {
                throw p;
            }
            if (p.status() == 429) {
                errors.put("currentPassword", pages.texts(request).get("password.throttled"));
            }
            p.errors().forEach(e -> errors.putIfAbsent(
                    "newPassword".equals(e.field()) ? "newPassword" : "currentPassword", e.message()));
            if (errors.isEmpty()) {
                errors.put("currentPassword", p.getMessage());
            }
            return page(request, model, errors);
        }
        // Its token is refused from now on: the session ends here rather than at the next page's 401.
        request.logout();
        return "redirect:/login?passwordChanged";
    }

    private String page(HttpServletRequest request, Model model, Map<String, String> errors) {
        model.addAttribute("page", pages.of(request, "password.title"));
        model.addAttribute("errors", errors);
        return "accounts/password";
    }
}
