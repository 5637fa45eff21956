package io.barometer.web.people;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.barometer.web.api.Services;
import io.barometer.web.page.Pages;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;

/**
 * "Mes données": what the platform holds about the signed-in person, as query-service reads it, and how to have
 * it erased. Read afresh on each visit, never from the header's cached name: this page is where a person checks.
 */
@Controller
public class MyDataController {

    private final Services services;
    private final Pages pages;

    public MyDataController(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    @GetMapping("/account/data")
    public String myData(HttpServletRequest request, Model model) {
        SignedIn me = SignedIn.require("one's own data are for signed in people");
        model.addAttribute("person", services.me(me.caller()));
        model.addAttribute("page", pages.of(request, "me.title"));
        return "people/me";
    }
}
