package io.barometer.web.synthesis;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.Campaign;
import io.barometer.web.api.Projection;
import io.barometer.web.api.Services;
import io.barometer.web.security.Forbidden;
import io.barometer.web.page.Pages;
import io.barometer.web.page.Texts;
import io.barometer.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The barometer as of a cut-off, for analysts and admins: the view's parameters in the URL (a view can be
 * shared), what it rests on (asOf, basis, eventsThrough, fingerprint), each figure as a chart with its table,
 * and the CSV exports of the same view.
 */
@Controller
public class SynthesisController {

    /** The view's parameters as the form holds them; {@code asOf} as typed ("closing", dd/mm/yyyy hh:mm, ISO). */
    public record ViewForm(String asOf, String basis, String exclude, boolean excludeLate) {

        public boolean excludes(String collectivite) {
            return java.util.Arrays.asList(exclude.replace(" ", "").split(",")).contains(collectivite);
        }

        /** The same view's query string, for the exports' links and the address to cite. */
        public String query() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("asOf", asOf);
            p.put("basis", basis);
            p.put("exclude", exclude);
            p.put("lateRespondents", excludeLate ? "exclude" : null);
            return Services.query(p);
        }
    }

    private final Services services;
    private final Pages pages;
    /**
     * Up to this many respondents, the page offers boxes to tick to leave some out, as of the same cut-off; beyond,
     * a field for their ids: a list of thousands would make the page megabytes long and cost query-service a
     * second fold of every respondent.
     */
    static final int PICKER_LIMIT = 200;

    private final Executor reads;

    public SynthesisController(Services services, Pages pages, @Qualifier("applicationTaskExecutor") Executor reads) {
        this.services = services;
        this.pages = pages;
        this.reads = reads;
    }

    @GetMapping("/campaigns/{campaign}/synthesis")
    public String synthesis(@PathVariable String campaign, @RequestParam(defaultValue = "closing") String asOf,
                            @RequestParam(defaultValue = "effective") String basis,
                            @RequestParam(defaultValue = "") String exclude,
                            @RequestParam(defaultValue = "") String lateRespondents,
                            HttpServletRequest request, Model model) {
        SignedIn me = reader();
        ViewForm form = new ViewForm(asOf, basis, exclude, "exclude".equals(lateRespondents));
        // The campaign and the synthesis do not depend on each other: asked for together, the page waits for the
        // slower only (for a large campaign, the synthesis) instead of their sum.
        CompletableFuture<Campaign> c = CompletableFuture.supplyAsync(() -> services.campaign(me.caller(), campaign), reads);
        Texts t = pages.texts(request);
        JsonNode synthesis = null;
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> api = null;
        try {
            api = apiParameters(form);
            synthesis = services.synthesis(me.caller(), campaign, api);
        } catch (ApiProblem p) {
            if (p.status() != 400 && p.status() != 422) {
                throw p;
            }
            p.errors().forEach(e -> errors.put(e.field() == null ? "asOf" : e.field(), e.message()));
            if (errors.isEmpty()) {
                errors.put("asOf", p.getMessage());
            }
        } catch (IllegalArgumentException e) {
            errors.put("asOf", t.get("synthesis.asOfFormat"));
        }
        Campaign definition = join(c);
        model.addAttribute("page", pages.of(request, "synthesis.title", definition.title()));
        model.addAttribute("campaign", definition);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("synthesis", synthesis);
        Projection projection = Projection.of(synthesis);
        model.addAttribute("projection", projection);
        // Only a complete view may be cited: an incomplete one's figures and fingerprint may still change.
        model.addAttribute("citation", synthesis != null && projection != null && projection.complete()
                ? citation(ServletUriComponentsBuilder.fromContextPath(request).toUriString(), campaign, form, synthesis)
                : null);
        model.addAttribute("figures", synthesis == null ? List.of() : Figures.of(synthesis, definition.definition(), t));
        model.addAttribute("respondents", synthesis != null && synthesis.path("respondents").path("count").asInt()
                <= PICKER_LIMIT ? services.respondents(me.caller(), campaign, api.get("asOf"), form.basis()) : List.of());
        return "synthesis/page";
    }

    /** A read's result, or its own failure (a problem, a refusal) rethrown as the page's. */
    private static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @GetMapping("/campaigns/{campaign}/exports/{file:projects\\.csv|respondents\\.csv}")
    public void export(@PathVariable String campaign, @PathVariable String file,
                       @RequestParam(defaultValue = "closing") String asOf,
                       @RequestParam(defaultValue = "effective") String basis,
                       @RequestParam(defaultValue = "") String exclude,
                       @RequestParam(defaultValue = "") String lateRespondents, HttpServletResponse response) {
        SignedIn me = reader();
        services.export(me.caller(), campaign, file,
                apiParameters(new ViewForm(asOf, basis, exclude, "exclude".equals(lateRespondents))), response);
    }

    /**
     * The text that cites a view: the address that shows it again, cut at the instant it was computed for (a moved
     * deadline would shift "closing"), then what its figures rest on, in the API's words.
     */
    static String citation(String base, String campaign, ViewForm form, JsonNode synthesis) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("asOf", synthesis.path("asOf").asText());
        p.put("basis", synthesis.path("basis").asText());
        p.put("exclude", form.exclude().replace(" ", ""));
        p.put("lateRespondents", form.excludeLate() ? "exclude" : null);
        return String.join("\n", base + "/campaigns/" + campaign + "/synthesis" + Services.query(p),
                "asOf: " + synthesis.path("asOf").asText(),
                "basis: " + synthesis.path("basis").asText(),
                "eventsThrough: " + synthesis.path("eventsThrough").asText(),
                "fingerprint: " + synthesis.path("fingerprint").asText());
    }

    /** The API's parameters: a date typed as people write it becomes an instant of the survey's zone. */
    private Map<String, String> apiParameters(ViewForm form) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("asOf", instant(form.asOf()));
        p.put("basis", form.basis());
        p.put("exclude", form.exclude().replace(" ", ""));
        p.put("lateRespondents", form.excludeLate() ? "exclude" : "include");
        return p;
    }

    private String instant(String asOf) {
        String text = asOf.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("closing") || text.equalsIgnoreCase("clôture")) {
            return "closing";
        }
        if (text.matches("\\d{1,2}/\\d{1,2}/\\d{4}( \\d{1,2}:\\d{2})?")) {
            try {
                String withTime = text.contains(":") ? text : text + " 23:59";
                LocalDateTime local = LocalDateTime.parse(withTime, DateTimeFormatter.ofPattern("d/M/yyyy H:mm"));
                return local.atZone(pages.zone()).toInstant().toString();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return text;
    }

    private static SignedIn reader() {
        SignedIn me = SignedIn.current();
        if (me == null || me.respondent()) {
            throw new Forbidden("the barometer's figures are for analysts and admins");
        }
        return me;
    }
}
