package io.barometer.web.synthesis;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.web.page.Texts;

/**
 * The synthesis of query-service (DESIGN §8) as the report's figures: profile, projects by domain and
 * status, per respondent, most cited items, governance, motivations, actors. Tables hold the API's figures;
 * charts are ECharts options with their accessibility description and decal patterns on.
 */
public final class Figures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STATUSES = List.of("STUDY", "IN_PROGRESS", "DONE", "NOT_ANSWERED");
    private static final List<String> LEVELS = List.of("STRONGLY_DISAGREE", "DISAGREE", "AGREE", "STRONGLY_AGREE");

    private final JsonNode s;
    private final Questionnaire d;
    private final Texts t;

    private Figures(JsonNode synthesis, Questionnaire definition, Texts texts) {
        this.s = synthesis;
        this.d = definition;
        this.t = texts;
    }

    public static List<Figure> of(JsonNode synthesis, Questionnaire definition, Texts texts) {
        return new Figures(synthesis, definition, texts).all();
    }

    private List<Figure> all() {
        List<Figure> all = new ArrayList<>();
        all.add(projectsByStatus());
        all.add(perRespondent());
        all.add(topItems());
        all.add(level("measure"));
        all.add(level("means"));
        all.add(mode("managementMode", d.managementModes()));
        all.add(mode("decisionMode", d.decisionModes()));
        all.add(mode("coordination", d.coordinationModes()));
        all.add(governanceByDomain());
        all.add(motivations());
        all.add(actors());
        JsonNode r = s.path("respondents");
        all.add(count("profile-kind", "byKind", r.path("byKind"), key -> choice(d.collectiviteKinds(), key)));
        all.add(count("profile-region", "byRegion", r.path("byRegion"), key -> key));
        all.add(count("profile-population", "byPopulationBand", r.path("byPopulationBand"),
                key -> t.get("synthesis.band." + key)));
        all.add(count("profile-role", "byRole", r.path("byRole"), key -> choice(d.respondentRoles(), key)));
        all.add(worksInDigital());
        all.add(count("timeliness", "timeliness", s.path("timeliness"), key -> t.get("timeliness." + key)));
        return all;
    }

    private Figure projectsByStatus() {
        JsonNode p = s.path("projects");
        List<String> columns = new ArrayList<>(List.of(t.get("synthesis.domain"), t.get("synthesis.projects"),
                t.get("synthesis.shareOfAll")));
        STATUSES.forEach(st -> columns.add(statusLabel(st)));
        columns.add(t.get("synthesis.averageProgress"));
        List<Figure.Row> rows = new ArrayList<>();
        ObjectNode chart = barChart(true);
        ArrayNode categories = chart.with("yAxis").putArray("data");
        Map<String, ArrayNode> series = new LinkedHashMap<>();
        for (String st : STATUSES) {
            ObjectNode serie = chart.withArray("series").addObject();
            serie.put("name", statusLabel(st)).put("type", "bar").put("stack", "status");
            series.put(st, serie.putArray("data"));
        }
        for (Map.Entry<String, JsonNode> e : fields(p.path("byDomain"))) {
            JsonNode f = e.getValue();
            List<Figure.Cell> cells = new ArrayList<>(List.of(number(f.path("count")), share(f.path("share"))));
            STATUSES.forEach(st -> cells.add(number(f.path("status").path(st))));
            cells.add(decimal(f.path("averageProgress")));
            rows.add(new Figure.Row(domainLabel(e.getKey()), cells));
            categories.add(domainLabel(e.getKey()));
            STATUSES.forEach(st -> series.get(st).add(f.path("status").path(st).asInt()));
        }
        rows.add(new Figure.Row(t.get("synthesis.total"), List.of(number(p.path("total")), new Figure.Cell("100 %", "1"),
                blank(), blank(), blank(), blank(), blank())));
        return new Figure("projects-status", t.get("synthesis.fig.projectsStatus"),
                t.get("synthesis.cap.projectsStatus", p.path("total").asInt(), p.path("respondents").asInt()),
                columns, rows, json(chart));
    }

    private Figure perRespondent() {
        JsonNode p = s.path("projects");
        List<Figure.Row> rows = new ArrayList<>();
        ObjectNode chart = barChart(true);
        ArrayNode categories = chart.with("yAxis").putArray("data");
        ObjectNode serie = chart.withArray("series").addObject();
        serie.put("name", t.get("synthesis.mean")).put("type", "bar");
        ArrayNode data = serie.putArray("data");
        for (Map.Entry<String, JsonNode> e : fields(p.path("byDomain"))) {
            JsonNode f = e.getValue();
            JsonNode pr = f.path("perRespondent");
            rows.add(new Figure.Row(domainLabel(e.getKey()), List.of(number(f.path("respondents")), number(pr.path("min")),
                    decimal(pr.path("median")), decimal(pr.path("mean")), number(pr.path("max")))));
            categories.add(domainLabel(e.getKey()));
            data.add(pr.path("mean").isNumber() ? pr.path("mean").asDouble() : 0);
        }
        return new Figure("projects-per-respondent", t.get("synthesis.fig.perRespondent"),
                t.get("synthesis.cap.perRespondent", p.path("respondents").asInt()),
                List.of(t.get("synthesis.domain"), t.get("synthesis.respondents"), t.get("synthesis.min"),
                        t.get("synthesis.median"), t.get("synthesis.mean"), t.get("synthesis.max")), rows, json(chart));
    }

    private Figure topItems() {
        List<Figure.Row> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : fields(s.path("projects").path("byDomain"))) {
            for (JsonNode item : e.getValue().path("topCatalogueItems")) {
                rows.add(new Figure.Row(domainLabel(e.getKey()), List.of(
                        new Figure.Cell(d.catalogueLabel(item.path("item").asText()), item.path("item").asText()),
                        number(item.path("count")))));
            }
        }
        return new Figure("top-items", t.get("synthesis.fig.topItems"), t.get("synthesis.cap.topItems"),
                List.of(t.get("synthesis.domain"), t.get("synthesis.item"), t.get("synthesis.respondents")), rows, null);
    }

    private Figure level(String key) {
        JsonNode g = s.path("governance");
        JsonNode f = g.path(key);
        List<Figure.Row> rows = new ArrayList<>();
        ObjectNode chart = barChart(false);
        ArrayNode categories = chart.with("xAxis").putArray("data");
        ObjectNode serie = chart.withArray("series").addObject();
        serie.put("name", t.get("synthesis.projects")).put("type", "bar");
        ArrayNode data = serie.putArray("data");
        List<Questionnaire.Level> levels = key.equals("measure") ? d.measureLevels() : d.meansLevels();
        for (Questionnaire.Level level : levels) {
            String k = Integer.toString(level.level());
            String label = level.level() + " — " + level.label();
            rows.add(new Figure.Row(label, List.of(number(f.path("distribution").path(k)), share(f.path("share").path(k)))));
            categories.add(Integer.toString(level.level()));
            data.add(f.path("distribution").path(k).asInt());
        }
        rows.add(new Figure.Row(t.get("answer.none"), List.of(number(f.path("distribution").path("NOT_ANSWERED")), blank())));
        rows.add(new Figure.Row(t.get("synthesis.mean"), List.of(decimal(f.path("mean")), blank())));
        return new Figure("governance-" + key, t.get("field." + key),
                t.get("synthesis.cap.level", g.path("projects").asInt(), f.path("answered").asInt(),
                        f.path("respondents").asInt()),
                List.of(t.get("synthesis.level"), t.get("synthesis.projects"), t.get("synthesis.shareOfAnswered")), rows,
                json(chart));
    }

    private Figure mode(String key, List<Questionnaire.Choice> choices) {
        JsonNode g = s.path("governance");
        JsonNode f = g.path(key);
        List<Figure.Row> rows = new ArrayList<>();
        ObjectNode chart = barChart(true);
        ArrayNode categories = chart.with("yAxis").putArray("data");
        ObjectNode serie = chart.withArray("series").addObject();
        serie.put("name", t.get("synthesis.projects")).put("type", "bar");
        ArrayNode data = serie.putArray("data");
        for (Map.Entry<String, JsonNode> e : fields(f.path("distribution"))) {
            String label = e.getKey().equals("NOT_ANSWERED") ? t.get("answer.none") : choice(choices, e.getKey());
            rows.add(new Figure.Row(label, List.of(number(e.getValue()), share(f.path("share").path(e.getKey())))));
            categories.add(label);
            data.add(e.getValue().asInt());
        }
        return new Figure("governance-" + key, t.get("field." + key),
                t.get("synthesis.cap.mode", g.path("projects").asInt(), f.path("respondents").asInt()),
                List.of(t.get("synthesis.answer"), t.get("synthesis.projects"), t.get("synthesis.shareOfBase")), rows,
                json(chart));
    }

    private Figure governanceByDomain() {
        JsonNode g = s.path("governance");
        List<Figure.Row> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : fields(g.path("byDomain"))) {
            JsonNode b = e.getValue();
            rows.add(new Figure.Row(domainLabel(e.getKey()), List.of(number(b.path("projects")),
                    number(b.path("withoutGovernance")), number(b.path("respondents")),
                    decimal(g.path("measure").path("byDomain").path(e.getKey()).path("mean")),
                    decimal(g.path("means").path("byDomain").path(e.getKey()).path("mean")))));
        }
        rows.add(new Figure.Row(t.get("synthesis.total"), List.of(number(g.path("projects")),
                number(g.path("withoutGovernance")), number(g.path("respondents")), decimal(g.path("measure").path("mean")),
                decimal(g.path("means").path("mean")))));
        return new Figure("governance-by-domain", t.get("synthesis.fig.governanceByDomain"),
                t.get("synthesis.cap.governanceByDomain", g.path("projects").asInt(), g.path("withoutGovernance").asInt()),
                List.of(t.get("synthesis.domain"), t.get("synthesis.governed"), t.get("synthesis.withoutGovernance"),
                        t.get("synthesis.respondents"), t.get("field.measure"), t.get("field.means")), rows, null);
    }

    private Figure motivations() {
        JsonNode m = s.path("motivations");
        List<String> columns = new ArrayList<>(List.of(t.get("part.motivations"), t.get("synthesis.meanScore"),
                t.get("synthesis.rank")));
        for (int r = 1; r <= 5; r++) {
            columns.add(t.get("motivations.rankN", r));
        }
        List<Figure.Row> rows = new ArrayList<>();
        ObjectNode chart = barChart(true);
        ArrayNode categories = chart.with("yAxis").putArray("data");
        ObjectNode serie = chart.withArray("series").addObject();
        serie.put("name", t.get("synthesis.meanScore")).put("type", "bar");
        ArrayNode data = serie.putArray("data");
        for (Map.Entry<String, JsonNode> e : fields(m.path("byMotivation"))) {
            JsonNode f = e.getValue();
            List<Figure.Cell> cells = new ArrayList<>(List.of(decimal(f.path("meanScore")), number(f.path("rank"))));
            for (int r = 1; r <= 5; r++) {
                cells.add(number(f.path("rankCounts").path(Integer.toString(r))));
            }
            String label = motivationLabel(e.getKey());
            rows.add(new Figure.Row(label, cells));
            categories.add(label);
            data.add(f.path("meanScore").isNumber() ? f.path("meanScore").asDouble() : 0);
        }
        return new Figure("motivations", t.get("part.motivations"),
                t.get("synthesis.cap.motivations", m.path("respondents").asInt()), columns, rows, json(chart));
    }

    /** Agreement as diverging bars: disagreement to the left of zero, agreement to the right. */
    private Figure actors() {
        JsonNode a = s.path("actors");
        List<String> columns = new ArrayList<>(List.of(t.get("synthesis.statement"), t.get("synthesis.respondents")));
        LEVELS.forEach(l -> columns.add(choice(d.agreementScale(), l)));
        columns.add(t.get("synthesis.agreeShare"));
        List<Figure.Row> rows = new ArrayList<>();
        ObjectNode chart = barChart(true);
        ArrayNode categories = chart.with("yAxis").putArray("data");
        Map<String, ArrayNode> series = new LinkedHashMap<>();
        for (String level : LEVELS) {
            ObjectNode serie = chart.withArray("series").addObject();
            serie.put("name", choice(d.agreementScale(), level)).put("type", "bar")
                    .put("stack", level.contains("DISAGREE") ? "disagree" : "agree");
            series.put(level, serie.putArray("data"));
        }
        for (Map.Entry<String, JsonNode> e : fields(a.path("byStatement"))) {
            JsonNode f = e.getValue();
            List<Figure.Cell> cells = new ArrayList<>(List.of(number(f.path("respondents"))));
            LEVELS.forEach(l -> cells.add(number(f.path("levels").path(l))));
            cells.add(share(f.path("agreeShare")));
            String label = statementLabel(e.getKey());
            rows.add(new Figure.Row(label, cells));
            categories.add(label);
            for (String level : LEVELS) {
                int n = f.path("levels").path(level).asInt();
                series.get(level).add(level.contains("DISAGREE") ? -n : n);
            }
        }
        return new Figure("actors", t.get("part.actors"), t.get("synthesis.cap.actors", a.path("respondents").asInt()),
                columns, rows, json(chart));
    }

    private Figure count(String id, String key, JsonNode counts, Function<String, String> label) {
        List<Figure.Row> rows = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, JsonNode> e : fields(counts)) {
            rows.add(new Figure.Row(label.apply(e.getKey()), List.of(number(e.getValue()))));
            total += e.getValue().asInt();
        }
        return new Figure(id, t.get("synthesis.fig." + key), t.get("synthesis.cap.count", total),
                List.of(t.get("synthesis.answer"), t.get("synthesis.count")), rows, null);
    }

    private Figure worksInDigital() {
        JsonNode w = s.path("respondents").path("worksInDigital");
        return new Figure("profile-digital", t.get("field.worksInDigital"),
                t.get("synthesis.cap.count", s.path("respondents").path("count").asInt()),
                List.of(t.get("synthesis.answer"), t.get("synthesis.count")),
                List.of(new Figure.Row(t.get("answer.yes"), List.of(number(w.path("yes")))),
                        new Figure.Row(t.get("answer.no"), List.of(number(w.path("no")))),
                        new Figure.Row(t.get("answer.none"), List.of(number(w.path("notAnswered"))))), null);
    }

    // ---------------------------------------------------------------------------------------------------------

    private ObjectNode barChart(boolean horizontal) {
        ObjectNode o = JSON.createObjectNode();
        // ECharts describes the chart to screen readers and draws patterns over colours for colour-blind readers.
        o.putObject("aria").put("enabled", true).putObject("decal").put("show", true);
        o.put("animation", false);
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 0);
        o.putObject("grid").put("containLabel", true).put("left", 8).put("right", 24).put("top", 32).put("bottom", 8);
        ObjectNode value = JSON.createObjectNode().put("type", "value");
        ObjectNode category = JSON.createObjectNode().put("type", "category");
        if (horizontal) {
            category.put("inverse", true);
            o.set("xAxis", value);
            o.set("yAxis", category);
        } else {
            o.set("xAxis", category);
            o.set("yAxis", value);
        }
        o.putArray("series");
        return o;
    }

    private static String json(ObjectNode chart) {
        return chart.toString();
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return () -> {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            return it;
        };
    }

    private static Figure.Cell number(JsonNode n) {
        return Figure.Cell.number(n);
    }

    private Figure.Cell decimal(JsonNode n) {
        return Figure.Cell.decimal(n, t.locale());
    }

    private Figure.Cell share(JsonNode n) {
        return Figure.Cell.share(n, t.locale());
    }

    private static Figure.Cell blank() {
        return Figure.Cell.blank();
    }

    private String domainLabel(String key) {
        return d.domain(key).map(Questionnaire.Domain::label).orElse(key);
    }

    private String statusLabel(String key) {
        return key.equals("NOT_ANSWERED") ? t.get("answer.none") : d.progressStatuses().stream()
                .filter(x -> x.key().equals(key)).findFirst().map(Questionnaire.ProgressStatusLabel::label).orElse(key);
    }

    private String motivationLabel(String key) {
        return d.motivations().stream().filter(m -> m.key().name().equals(key)).findFirst()
                .map(Questionnaire.MotivationDefinition::label).orElse(key);
    }

    private String statementLabel(String key) {
        return d.actorStatements().stream().filter(a -> a.key().equals(key)).findFirst()
                .map(Questionnaire.ActorStatement::label).orElse(key);
    }

    private static String choice(List<Questionnaire.Choice> choices, String key) {
        return choices == null ? key : choices.stream().filter(c -> c.key().equals(key)).findFirst()
                .map(Questionnaire.Choice::label).orElse(key);
    }
}
