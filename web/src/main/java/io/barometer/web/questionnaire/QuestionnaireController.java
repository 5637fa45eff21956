package io.barometer.web.questionnaire;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.Caller;
import io.barometer.web.api.Campaign;
import io.barometer.web.api.HistoryPage;
import io.barometer.web.api.ResponseState;
import io.barometer.web.api.Services;
import io.barometer.web.security.Forbidden;
import io.barometer.web.page.Pages;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A collectivité's questionnaire: an overview with each part's progress, one page per part (profile,
 * projects, governance, motivations, actors), each answer saved as it is given (htmx) or by each form's
 * button (without JavaScript), the submission with its summary, the history, and an admin's entry on the
 * collectivité's behalf.
 */
@Controller
public class QuestionnaireController {

    static final List<String> PARTS = List.of("profile", "projects", "governance", "motivations", "actors");
    private static final String BASE = "/campaigns/{campaign}/responses/{collectivite}";

    private final Services services;
    private final Pages pages;
    private final CampaignCache campaigns;
    private final Clock clock;
    private final ZoneId zone;

    public QuestionnaireController(Services services, Pages pages, CampaignCache campaigns) {
        this.services = services;
        this.pages = pages;
        this.campaigns = campaigns;
        this.zone = pages.zone();
        this.clock = Clock.system(this.zone);
    }

    @GetMapping(BASE)
    public String overview(@PathVariable String campaign, @PathVariable String collectivite,
                           @RequestParam(name = "v", defaultValue = "0") String v, HttpServletRequest request,
                           HttpSession session, Model model) {
        QuestionnaireView q = view(campaign, collectivite, session, number(v, 0), Map.of(), -1);
        model.addAttribute("page", pages.of(request, "questionnaire.title", q.collectiviteName()));
        model.addAttribute("q", q);
        model.addAttribute("notice", session.getAttribute("notice"));
        session.removeAttribute("notice");
        return "questionnaire/overview";
    }

    @GetMapping(BASE + "/{part}")
    public String part(@PathVariable String campaign, @PathVariable String collectivite, @PathVariable String part,
                       @RequestParam(name = "v", defaultValue = "0") String v, HttpServletRequest request,
                       HttpSession session, Model model) {
        if (!PARTS.contains(part)) {
            throw new ApiProblem(404, "Not Found", "no part " + part, List.of());
        }
        QuestionnaireView q = view(campaign, collectivite, session, number(v, 0), Map.of(), -1);
        return partPage(part, q, request, model);
    }

    private String partPage(String part, QuestionnaireView q, HttpServletRequest request, Model model) {
        model.addAttribute("page", pages.of(request, "part." + part));
        model.addAttribute("q", q);
        model.addAttribute("part", part);
        return "questionnaire/" + part;
    }

    @PostMapping(BASE + "/start")
    public String start(@PathVariable String campaign, @PathVariable String collectivite, HttpSession session) {
        SignedIn me = allowed(collectivite);
        long version = services.start(caller(me, session, campaign, collectivite), campaign, collectivite).version();
        // The next page waits for the read side to hold what was just written (v = its version).
        return "redirect:/campaigns/" + campaign + "/responses/" + collectivite + "?v=" + version;
    }

    @PostMapping(BASE + "/sections/{sectionId}")
    public String save(@PathVariable String campaign, @PathVariable String collectivite, @PathVariable String sectionId,
                       @RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
                       HttpSession session, Model model) {
        SignedIn me = allowed(collectivite);
        Caller caller = caller(me, session, campaign, collectivite);
        Campaign c = campaigns.get(caller, campaign);
        Target target = new Target(services, caller, campaign, collectivite);
        Map<String, String> submitted = new LinkedHashMap<>();
        Map<String, String> was = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            String value = values.isEmpty() ? "" : values.get(0);
            if (key.startsWith("was.")) {
                was.put(key.substring(4), value);
            } else if (!List.of("_csrf", "version", "pageVersion", "take", "keep").contains(key)) {
                submitted.put(key, value);
            }
        });
        long version = number(form.getFirst("pageVersion"), number(form.getFirst("version"), 0));
        Section section = section(target, c.definition(), sectionId, submitted);
        SectionSave.Outcome outcome = new SectionSave(section,
                v -> services.response(caller, campaign, collectivite, v).orElseThrow(), clock)
                .save(submitted, was, version, form.getFirst("take"));
        String part = partOf(sectionId);
        if ("true".equals(request.getHeader("HX-Request"))) {
            ResponseState state = services.response(caller, campaign, collectivite, 0).orElse(null);
            QuestionnaireView q = new QuestionnaireView(c, collectivite, state, Map.of(sectionId, outcome.state()),
                    outcome.version(), mayWrite(me, session, campaign, collectivite), proxy(session, campaign, collectivite),
                    me.admin(), Instant.now(), zone);
            model.addAttribute("page", pages.of(request, "part." + part));
            model.addAttribute("q", q);
            model.addAttribute("sectionId", sectionId);
            model.addAttribute("fragment", true);
            return "questionnaire/section/" + kindOf(sectionId);
        }
        QuestionnaireView q = view(campaign, collectivite, session, outcome.version(),
                Map.of(sectionId, outcome.state()), outcome.version());
        return partPage(part, q, request, model);
    }

    @GetMapping(BASE + "/submit")
    public String summary(@PathVariable String campaign, @PathVariable String collectivite, HttpServletRequest request,
                          HttpSession session, Model model) {
        QuestionnaireView q = view(campaign, collectivite, session, 0, Map.of(), -1);
        model.addAttribute("page", pages.of(request, "submit.title"));
        model.addAttribute("q", q);
        return "questionnaire/submit";
    }

    @PostMapping(BASE + "/submit")
    public String submit(@PathVariable String campaign, @PathVariable String collectivite,
                         @RequestParam(defaultValue = "0") String version, HttpSession session) {
        SignedIn me = allowed(collectivite);
        long written = services.submit(caller(me, session, campaign, collectivite), campaign, collectivite,
                number(version, 0)).version();
        session.setAttribute("notice", "submit.done");
        return "redirect:/campaigns/" + campaign + "/responses/" + collectivite + "?v=" + written;
    }

    @GetMapping(BASE + "/history")
    public String history(@PathVariable String campaign, @PathVariable String collectivite, HttpServletRequest request,
                          HttpSession session, Model model) {
        SignedIn me = allowed(collectivite);
        if (!me.respondent() && !me.admin()) {
            // Who changed what is for admins and the collectivité's own respondents; analysts see answers only.
            throw new Forbidden("analysts read answers, not who gave them");
        }
        QuestionnaireView q = view(campaign, collectivite, session, 0, Map.of(), -1);
        HistoryPage history = q.started() ? services.history(me.caller(), campaign, collectivite)
                : new HistoryPage(List.of(), 0, 0, 0, null);
        model.addAttribute("page", pages.of(request, "history.title", q.collectiviteName()));
        model.addAttribute("q", q);
        model.addAttribute("history", history);
        return "questionnaire/history";
    }

    /** An admin begins keying in a paper form for this collectivité: the reason and the form's date are required. */
    @PostMapping(BASE + "/proxy")
    public String beginProxy(@PathVariable String campaign, @PathVariable String collectivite,
                             @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String paperDate,
                             HttpServletRequest request, HttpSession session, Model model) {
        SignedIn me = SignedIn.current();
        if (!me.admin()) {
            throw new Forbidden("only admins key in answers on a collectivité's behalf");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (reason.isBlank()) {
            errors.put("reason", "proxy.reasonNeeded");
        }
        Instant effectiveAt = null;
        try {
            LocalDate date = paperDate(paperDate.strip());
            // The form's day, at noon in the survey's zone: within that day whatever the reader's zone.
            effectiveAt = date.atTime(12, 0).atZone(zone).toInstant();
            if (effectiveAt.isAfter(Instant.now())) {
                errors.put("paperDate", "proxy.dateInFuture");
            }
        } catch (java.time.DateTimeException e) {
            errors.put("paperDate", "proxy.dateNeeded");
        }
        if (!errors.isEmpty()) {
            QuestionnaireView q = view(campaign, collectivite, session, 0, Map.of(), -1);
            model.addAttribute("page", pages.of(request, "questionnaire.title", q.collectiviteName()));
            model.addAttribute("q", q);
            model.addAttribute("notice", null);
            model.addAttribute("proxyErrors", errors);
            model.addAttribute("proxyReason", reason);
            model.addAttribute("proxyDate", paperDate);
            return "questionnaire/overview";
        }
        session.setAttribute(proxyKey(campaign, collectivite), new Caller.Proxy(collectivite, reason.strip(), effectiveAt));
        return "redirect:/campaigns/" + campaign + "/responses/" + collectivite;
    }

    @PostMapping(BASE + "/proxy/end")
    public String endProxy(@PathVariable String campaign, @PathVariable String collectivite, HttpSession session) {
        session.removeAttribute(proxyKey(campaign, collectivite));
        return "redirect:/campaigns/" + campaign + "/responses/" + collectivite;
    }

    // ---------------------------------------------------------------------------------------------------------

    private QuestionnaireView view(String campaign, String collectivite, HttpSession session, long minVersion,
                                   Map<String, SectionState> overrides, long version) {
        SignedIn me = allowed(collectivite);
        Caller caller = me.caller();
        Campaign c = services.campaign(caller, campaign);
        ResponseState state = services.response(caller, campaign, collectivite, minVersion).orElse(null);
        Target target = new Target(services, caller, campaign, collectivite);
        Map<String, SectionState> sections = QuestionnaireView.sectionsOf(
                QuestionnaireView.sections(target, c.definition(), state), state, overrides);
        long shown = version >= 0 ? version : state == null ? 0 : state.version();
        return new QuestionnaireView(c, collectivite, state, sections, shown, mayWrite(me, session, campaign, collectivite),
                proxy(session, campaign, collectivite), me.admin(), Instant.now(), zone);
    }

    private static SignedIn allowed(String collectivite) {
        SignedIn me = SignedIn.current();
        if (me == null || !me.mayOpen(collectivite)) {
            throw new Forbidden("a respondent opens only its own collectivité's questionnaire");
        }
        return me;
    }

    private boolean mayWrite(SignedIn me, HttpSession session, String campaign, String collectivite) {
        return me.respondent() || (me.admin() && proxy(session, campaign, collectivite) != null);
    }

    private Caller caller(SignedIn me, HttpSession session, String campaign, String collectivite) {
        if (me.admin()) {
            Caller.Proxy proxy = proxy(session, campaign, collectivite);
            if (proxy == null) {
                throw new Forbidden("an admin keys in answers only on the collectivité's behalf, with a reason");
            }
            return new Caller(me.token(), proxy);
        }
        if (!me.respondent()) {
            throw new Forbidden("analysts read answers; they do not give them");
        }
        return me.caller();
    }

    private static Caller.Proxy proxy(HttpSession session, String campaign, String collectivite) {
        return (Caller.Proxy) session.getAttribute(proxyKey(campaign, collectivite));
    }

    private static String proxyKey(String campaign, String collectivite) {
        return "proxy:" + campaign + ":" + collectivite;
    }

    private static Section section(Target target, Questionnaire definition, String sectionId,
                                   Map<String, String> submitted) {
        if (sectionId.equals("profile")) {
            return new ProfileSection(target);
        }
        if (sectionId.equals("motivations")) {
            return new MotivationsSection(target, definition);
        }
        if (sectionId.equals("actors")) {
            return new ActorsSection(target, definition);
        }
        if (sectionId.startsWith("projects-")) {
            Optional<Questionnaire.Domain> domain = definition.domain(sectionId.substring("projects-".length()));
            if (domain.isPresent()) {
                return new ProjectsSection(target, domain.get(), ProjectsSection.freeProjectsOf(submitted));
            }
        }
        if (sectionId.startsWith("governance-")) {
            return new GovernanceSection(target, sectionId.substring("governance-".length()));
        }
        throw new ApiProblem(404, "Not Found", "no section " + sectionId, List.of());
    }

    static String partOf(String sectionId) {
        return sectionId.startsWith("projects-") ? "projects" : sectionId.startsWith("governance-") ? "governance"
                : sectionId;
    }

    private static String kindOf(String sectionId) {
        return partOf(sectionId);
    }

    /**
     * The paper form's date as people write it (31/03/2014) or as ISO (2014-03-31). A text field rather than
     * the browser's date picker, whose format follows the browser's language and is awkward by keyboard.
     */
    static LocalDate paperDate(String text) {
        if (text.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
            String[] parts = text.split("/");
            return LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
        }
        return LocalDate.parse(text);
    }

    private static long number(String value, long otherwise) {
        try {
            return value == null || value.isBlank() ? otherwise : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
