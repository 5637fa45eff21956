package io.barometer.web.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.Campaign;
import io.barometer.web.api.Services;
import io.barometer.web.security.Forbidden;
import io.barometer.web.page.Pages;
import io.barometer.web.page.Texts;
import io.barometer.web.security.SignedIn;
import io.barometer.web.synthesis.Figure;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Two editions side by side, each as of its own closing: per domain the count, share, share done and
 * average progress in both with their difference; the motivations' scores and ranks; the top three domains.
 * {@code panel} keeps the respondents present in both; {@code exclude} leaves collectivités out of both, as the
 * report left Nice out.
 */
@Controller
public class ComparisonController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Services services;
    private final Pages pages;

    public ComparisonController(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    @GetMapping("/comparisons")
    public String compare(@RequestParam(defaultValue = "") String base, @RequestParam(defaultValue = "") String target,
                          @RequestParam(defaultValue = "") String panel, @RequestParam(defaultValue = "") String exclude,
                          HttpServletRequest request, Model model) {
        SignedIn me = SignedIn.current();
        if (me == null || me.respondent()) {
            throw new Forbidden("comparisons are for analysts and admins");
        }
        List<Campaign> campaigns = new ArrayList<>(services.campaigns(me.caller()));
        campaigns.sort((a, b) -> Integer.compare(a.year(), b.year()));
        String b = base.isBlank() && campaigns.size() >= 2 ? campaigns.get(campaigns.size() - 2).campaign() : base;
        String t = target.isBlank() && !campaigns.isEmpty() ? campaigns.get(campaigns.size() - 1).campaign() : target;
        Texts texts = pages.texts(request);
        JsonNode view = null;
        String error = null;
        if (!b.isBlank() && !t.isBlank()) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("base", b);
            p.put("target", t);
            p.put("panel", "on".equals(panel) || "true".equals(panel) ? "true" : null);
            p.put("exclude", exclude);
            try {
                view = services.comparison(me.caller(), p);
            } catch (ApiProblem problem) {
                if (problem.status() >= 500) {
                    throw problem;
                }
                error = problem.getMessage();
            }
        }
        Questionnaire definition = view == null ? null : services.campaign(me.caller(), t).definition();
        model.addAttribute("page", pages.of(request, "comparison.title"));
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("base", b);
        model.addAttribute("target", t);
        model.addAttribute("panel", "on".equals(panel) || "true".equals(panel));
        model.addAttribute("exclude", exclude.strip());
        model.addAttribute("error", error);
        model.addAttribute("view", view);
        model.addAttribute("figures", view == null ? List.of() : figures(view, definition, texts));
        return "comparison/page";
    }

    static List<Figure> figures(JsonNode v, Questionnaire d, Texts t) {
        String baseName = v.at("/base/campaign").asText();
        String targetName = v.at("/target/campaign").asText();
        List<Figure.Row> domains = new ArrayList<>();
        ObjectNode chart = JSON.createObjectNode();
        chart.putObject("aria").put("enabled", true).putObject("decal").put("show", true);
        chart.put("animation", false);
        chart.putObject("tooltip").put("trigger", "axis");
        chart.putObject("legend").put("top", 0);
        chart.putObject("grid").put("containLabel", true).put("left", 8).put("right", 24).put("top", 32).put("bottom", 8);
        chart.putObject("xAxis").put("type", "value");
        ObjectNode yAxis = chart.putObject("yAxis").put("type", "category").put("inverse", true);
        ArrayNode categories = yAxis.putArray("data");
        ArrayNode series = chart.putArray("series");
        ArrayNode baseData = series.addObject().put("name", baseName).put("type", "bar").putArray("data");
        ArrayNode targetData = series.addObject().put("name", targetName).put("type", "bar").putArray("data");
        v.path("byDomain").fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            String label = d.domain(e.getKey()).map(Questionnaire.Domain::label).orElse(e.getKey());
            boolean absentFromOne = absent(f.path("base")) || absent(f.path("target"));
            List<Figure.Cell> cells = new ArrayList<>();
            for (String measure : List.of("count", "share", "doneShare", "averageProgress")) {
                for (String side : List.of("base", "target", "delta")) {
                    JsonNode value = f.path(side).path(measure);
                    if (side.equals("delta") && absentFromOne) {
                        // No difference to a domain that one questionnaire did not ask about: not a zero either.
                        cells.add(new Figure.Cell(t.get("comparison.noDelta"), ""));
                    } else if (absent(f.path(side))) {
                        cells.add(new Figure.Cell(t.get("comparison.absent"), "absent"));
                    } else if (measure.equals("count")) {
                        cells.add(number(value));
                    } else if (measure.equals("averageProgress")) {
                        cells.add(decimal(value, t));
                    } else {
                        cells.add(share(value, t));
                    }
                }
            }
            domains.add(new Figure.Row(label, cells));
            categories.add(label);
            // ECharts draws "-" as no bar at all, where 0 would claim the edition counted none.
            countOrGap(baseData, f.path("base"));
            countOrGap(targetData, f.path("target"));
        });
        List<String> columns = new ArrayList<>(List.of(t.get("synthesis.domain")));
        for (String what : List.of("comparison.count", "comparison.share", "comparison.doneShare", "comparison.averageProgress")) {
            columns.add(t.get(what) + " " + baseName);
            columns.add(t.get(what) + " " + targetName);
            columns.add(t.get(what) + " Δ");
        }
        Figure byDomain = new Figure("comparison-domains", t.get("comparison.fig.domains"),
                t.get("comparison.cap.domains", baseName, v.at("/base/projects").asInt(), targetName,
                        v.at("/target/projects").asInt()), columns, domains, chart.toString());

        List<Figure.Row> motivations = new ArrayList<>();
        v.path("motivations").fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            String label = d.motivations().stream().filter(m -> m.key().name().equals(e.getKey())).findFirst()
                    .map(Questionnaire.MotivationDefinition::label).orElse(e.getKey());
            motivations.add(new Figure.Row(label, List.of(decimal(f.at("/base/meanScore"), t), number(f.at("/base/rank")),
                    decimal(f.at("/target/meanScore"), t), number(f.at("/target/rank")),
                    decimal(f.at("/delta/meanScore"), t))));
        });
        Figure byMotivation = new Figure("comparison-motivations", t.get("part.motivations"),
                t.get("comparison.cap.motivations"), List.of(t.get("part.motivations"),
                t.get("synthesis.meanScore") + " " + baseName, t.get("synthesis.rank") + " " + baseName,
                t.get("synthesis.meanScore") + " " + targetName, t.get("synthesis.rank") + " " + targetName,
                t.get("synthesis.meanScore") + " Δ"), motivations, null);

        List<Figure.Row> top = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int rank = i;
            top.add(new Figure.Row(Integer.toString(i + 1), List.of(topDomain(v, "base", rank, d),
                    topDomain(v, "target", rank, d))));
        }
        Figure topDomains = new Figure("comparison-top", t.get("comparison.fig.top"), t.get("comparison.cap.top"),
                List.of(t.get("synthesis.rank"), baseName, targetName), top, null);
        return List.of(byDomain, byMotivation, topDomains);
    }

    private static Figure.Cell topDomain(JsonNode v, String side, int rank, Questionnaire d) {
        JsonNode key = v.path("topDomains").path(side).path(rank);
        if (key.isMissingNode() || key.isNull()) {
            return Figure.Cell.blank();
        }
        return new Figure.Cell(d.domain(key.asText()).map(Questionnaire.Domain::label).orElse(key.asText()), key.asText());
    }

    /** A domain that the edition's questionnaire lacks: the API says {@code absent: true} and gives no figure. */
    private static boolean absent(JsonNode side) {
        return side.path("absent").asBoolean(false);
    }

    private static void countOrGap(ArrayNode data, JsonNode side) {
        if (absent(side)) {
            data.add("-");
        } else {
            data.add(side.path("count").asInt());
        }
    }

    private static Figure.Cell number(JsonNode n) {
        return Figure.Cell.number(n);
    }

    private static Figure.Cell decimal(JsonNode n, Texts t) {
        return Figure.Cell.decimal(n, t.locale());
    }

    private static Figure.Cell share(JsonNode n, Texts t) {
        return Figure.Cell.share(n, t.locale());
    }
}
