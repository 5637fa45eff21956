package io.barometer.web.login;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.barometer.web.page.Pages;
import io.barometer.web.security.SecurityConfig;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;

/** The sign-in page, with what went wrong last time (wrong password, too many attempts, expired session, services down). */
@Controller
public class LoginController {

    private final Pages pages;

    public LoginController(Pages pages) {
        this.pages = pages;
    }

    @GetMapping(SecurityConfig.LOGIN)
    public String login(@RequestParam(required = false) String error, @RequestParam(required = false) String expired,
                        @RequestParam(required = false) String unavailable,
                        @RequestParam(required = false) String throttled,
                        @RequestParam(required = false) String passwordChanged,
                        @RequestParam(required = false) String signedOut,
                        @RequestParam(name = "continue", required = false) String back,
                        HttpServletRequest request, Model model) {
        if (SignedIn.current() != null) {
            return "redirect:/";
        }
        String message = error != null ? "login.wrong" : expired != null ? "login.expired"
                : unavailable != null ? "login.unavailable" : throttled != null ? "login.throttled"
                : signedOut != null ? "login.signedOut" : passwordChanged != null ? "login.passwordChanged" : null;
        model.addAttribute("page", pages.of(request, "login.title"));
        model.addAttribute("message", message);
        model.addAttribute("problem", error != null || unavailable != null || throttled != null);
        model.addAttribute("back", SecurityConfig.safePath(back));
        return "login";
    }
}
