package io.barometer.web.home;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.barometer.web.api.Campaign;
import io.barometer.web.api.ResponseState;
import io.barometer.web.api.Services;
import io.barometer.web.page.Pages;
import io.barometer.web.questionnaire.Progress;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The first page after signing in: a respondent's campaigns (deadline, state, progress); for an admin, every
 * campaign with the way into any collectivité's questionnaire; for an analyst, the campaigns.
 */
@Controller
public class HomeController {

    /** One campaign as a respondent sees it on the first page. */
    public record MyCampaign(Campaign campaign, ResponseState response, int sectionsComplete) {
        public boolean started() {
            return response != null;
        }

        public boolean submitted() {
            return response != null && response.submitted();
        }
    }

    private final Services services;
    private final Pages pages;
    private final ZoneId zone;

    public HomeController(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
        this.zone = pages.zone();
    }

    @GetMapping("/")
    public String home(HttpServletRequest request, Model model) {
        SignedIn me = SignedIn.current();
        List<Campaign> campaigns = new ArrayList<>(services.campaigns(me.caller()));
        campaigns.sort((a, b) -> Integer.compare(b.year(), a.year()));
        List<MyCampaign> mine = new ArrayList<>();
        if (me.respondent()) {
            for (Campaign c : campaigns) {
                ResponseState r = services.response(me.caller(), c.campaign(), me.collectivite(), 0).orElse(null);
                Campaign detail = services.campaign(me.caller(), c.campaign());
                mine.add(new MyCampaign(c, r, Progress.sectionsComplete(Progress.of(detail.definition(), r))));
            }
        }
        model.addAttribute("page", pages.of(request, "home.title"));
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("mine", mine);
        model.addAttribute("zone", zone);
        model.addAttribute("now", Instant.now());
        return "home";
    }

    /** An admin's way into a questionnaire: the form on the first page names a campaign and a collectivité. */
    @GetMapping("/open")
    public String open(@RequestParam String campaign, @RequestParam String collectivite) {
        String c = campaign.strip();
        String coll = collectivite.strip();
        if (!c.matches("[a-z0-9-]{1,100}") || !coll.matches("[a-z0-9-]{1,100}")) {
            return "redirect:/?badCollectivite";
        }
        return "redirect:/campaigns/" + c + "/responses/" + coll;
    }
}
