package io.barometer.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An analyst reads the 2014 barometer as of its closing in a real Chromium: every table holds exactly the
 * API's figures, the header names what the view rests on, the charts are drawn, and a respondent is refused.
 */
class SynthesisPageTest extends BrowserTest {

    @BeforeAll
    void anAnalyst() throws Exception {
        web.account("ana.lyste", "ANALYST", null);
    }

    @Test
    void anAnalystReadsThe2014BarometerAsOfItsClosingWithTheApisFigures() throws Exception {
        JsonNode api = closingView();
        List<String> problems = new ArrayList<>();
        try (Browser b = analyst()) {
            b.linkNamed("Le baromètre — Baromètre des villes numériques 2014").click();
            // Left out as the report did, picked from the campaign's respondents.
            b.click("Collectivités exclues", "Nice Métropole");
            b.button("Afficher").click();
            b.waitFor("#view-fingerprint", "sha256:");
            assertThat(b.driver.findElement(By.id("view-fingerprint")).getText()).isEqualTo(api.get("fingerprint").asText());
            assertThat(b.driver.findElement(By.id("view-events-through")).getText())
                    .isEqualTo(api.get("eventsThrough").asText());
            assertThat(b.path()).contains("asOf=closing").contains("exclude=nice-metropole");

            // A complete view: no provisional banner, and the text that cites it, as one would paste it.
            assertThat(b.driver.findElements(By.id("view-incomplete"))).isEmpty();
            assertThat(b.driver.findElement(By.id("cite-title")).getText()).isEqualTo("Citer cette vue");
            String citation = b.field("Texte de la citation").getAttribute("value");
            assertThat(citation.lines().toList()).containsExactly(
                    web.web() + "/campaigns/bvn-2014/synthesis?asOf=" + api.get("asOf").asText().replace(":", "%3A")
                            + "&basis=effective&exclude=nice-metropole",
                    "asOf: " + api.get("asOf").asText(), "basis: effective",
                    "eventsThrough: " + api.get("eventsThrough").asText(),
                    "fingerprint: " + api.get("fingerprint").asText());
            assertThat(api.get("fingerprint").asText()).startsWith("sha256:");

            // Projects by domain and status: each domain's row holds the API's counts and its unrounded share.
            List<WebElement> rows = b.driver.findElements(By.cssSelector("table[data-figure=projects-status] tbody tr"));
            int domains = api.at("/projects/byDomain").size();
            assertThat(rows).hasSize(domains + 1);
            int i = 0;
            for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) () -> api.at("/projects/byDomain").fields()) {
                List<WebElement> cells = rows.get(i++).findElements(By.tagName("td"));
                JsonNode f = e.getValue();
                assertThat(cells.get(0).getAttribute("data-value")).isEqualTo(f.get("count").asText());
                assertThat(cells.get(1).getAttribute("data-value")).isEqualTo(f.get("share").asText());
                assertThat(cells.get(2).getAttribute("data-value")).isEqualTo(f.at("/status/STUDY").asText());
                assertThat(cells.get(3).getAttribute("data-value")).isEqualTo(f.at("/status/IN_PROGRESS").asText());
                assertThat(cells.get(4).getAttribute("data-value")).isEqualTo(f.at("/status/DONE").asText());
                assertThat(cells.get(5).getAttribute("data-value")).isEqualTo(f.at("/status/NOT_ANSWERED").asText());
            }
            assertThat(rows.get(domains).findElements(By.tagName("td")).get(0).getAttribute("data-value"))
                    .isEqualTo(api.at("/projects/total").asText());
            assertThat(b.driver.findElement(By.cssSelector("#fig-projects-status figcaption")).getText())
                    .contains("N = " + api.at("/projects/total").asInt() + " projets");

            // Motivations: the mean score and the first-rank count of each.
            List<WebElement> motivations = b.driver.findElements(By.cssSelector("table[data-figure=motivations] tbody tr"));
            i = 0;
            for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) () -> api.at("/motivations/byMotivation").fields()) {
                List<WebElement> cells = motivations.get(i++).findElements(By.tagName("td"));
                assertThat(cells.get(0).getAttribute("data-value")).isEqualTo(e.getValue().get("meanScore").asText());
                assertThat(cells.get(2).getAttribute("data-value")).isEqualTo(e.getValue().at("/rankCounts/1").asText());
            }
            // Governance measure: the distribution over the four levels and the not-answered ones.
            List<WebElement> measure = b.driver.findElements(By.cssSelector("table[data-figure=governance-measure] tbody tr"));
            for (int level = 1; level <= 4; level++) {
                assertThat(measure.get(level - 1).findElements(By.tagName("td")).get(0).getAttribute("data-value"))
                        .isEqualTo(api.at("/governance/measure/distribution/" + level).asText());
            }
            // The charts are drawn as SVG, with their download buttons.
            b.waitFor("#fig-projects-status .chart-tools", "Télécharger en SVG");
            assertThat(b.driver.findElements(By.cssSelector("#chart-projects-status svg"))).isNotEmpty();
            b.driver.executeScript("arguments[0].scrollIntoView()", b.driver.findElement(By.id("fig-projects-status")));
            b.screenshot("synthesis");
            problems.addAll(b.accessibilityProblems());
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The closing table of shared/reference/README.md, as the report published it: domain, projects, DONE,
     * IN_PROGRESS, STUDY, no status, cities declaring some, fewest and most projects a city.
     */
    private static final Object[][] CLOSING_2014 = {
            {"Education", 125, 61, 35, 29, 0, 26, 1, 15},
            {"Energie / Eau / Déchets", 79, 17, 34, 28, 0, 18, 1, 9},
            {"Loisirs / Culture", 86, 54, 12, 20, 0, 19, 1, 12},
            {"Transport / Mobilité", 131, 67, 16, 48, 0, 22, 1, 17},
            {"Santé / Social", 29, 16, 5, 8, 0, 11, 1, 6},
            {"Sécurité", 40, 25, 8, 7, 0, 20, 1, 5},
            {"E-gouvernement / E-citoyenneté", 117, 68, 23, 24, 2, 27, 1, 13},
            {"Bâtiments / Urbanisme", 75, 49, 11, 15, 0, 24, 1, 9},
            {"Développement économique", 64, 21, 21, 22, 0, 24, 1, 8},
            {"Domaines transverses", 69, 22, 16, 31, 0, 25, 1, 8}};

    /** The most cited catalogue items' counts per domain, most cited first, as the reference gives them. */
    private static final Map<String, List<String>> TOP_ITEMS_2014 = Map.of(
            "Education", List.of("23", "17", "14", "13", "12", "11", "8"),
            "Energie / Eau / Déchets", List.of("12", "9", "9", "8", "8"),
            "Loisirs / Culture", List.of("16", "14", "14"),
            "Transport / Mobilité", List.of("13", "10", "10"),
            "Santé / Social", List.of("4", "2", "2"),
            "Sécurité", List.of("15", "9", "7"),
            "E-gouvernement / E-citoyenneté", List.of("15", "14", "13", "12", "11", "11"),
            "Bâtiments / Urbanisme", List.of("15"),
            "Développement économique", List.of("16"),
            "Domaines transverses", List.of("17", "16"));

    @Test
    void anAnalystReadsAResponsesAnswersButNotWhoGaveThem() throws Exception {
        try (Browser b = analyst()) {
            b.go("/campaigns/bvn-2014/responses/vannes");
            b.waitFor("h1", "Vannes");
            assertThat(b.driver.findElements(By.tagName("a")).stream().map(WebElement::getText))
                    .doesNotContain("Historique des modifications");
            b.go("/campaigns/bvn-2014/responses/vannes/history");
            assertThat(b.heading()).isEqualTo("Accès refusé");
            assertThat(b.driver.getPageSource()).doesNotContain("vannes.dsi");
        }
    }

    @Test
    void the2014ClosingViewHoldsEveryFigureOfTheReferenceAndAMonthLaterTheApisFigures() throws Exception {
        JsonNode api = closingView();
        List<String> problems = new ArrayList<>();
        try (Browser b = analyst()) {
            b.go("/campaigns/bvn-2014/synthesis" + CLOSING);
            assertThat(b.waitFor("#view-fingerprint", "sha256:")).isEqualTo(api.get("fingerprint").asText());

            // Projects by domain and status, then per city: the reference's figures, written here as it prints them.
            Map<String, List<String>> status = b.figure("projects-status");
            Map<String, List<String>> perCity = b.figure("projects-per-respondent");
            for (Object[] d : CLOSING_2014) {
                String domain = (String) d[0];
                assertThat(status.get(domain)).as(domain).isNotNull();
                List<String> s = status.get(domain);
                assertThat(List.of(s.get(0), s.get(4), s.get(3), s.get(2), s.get(5))).as(domain)
                        .containsExactly(d[1].toString(), d[2].toString(), d[3].toString(), d[4].toString(), d[5].toString());
                List<String> c = perCity.get(domain);
                assertThat(List.of(c.get(0), c.get(1), c.get(4))).as(domain)
                        .containsExactly(d[6].toString(), d[7].toString(), d[8].toString());
            }
            assertThat(status.get("Total").get(0)).isEqualTo("815");
            assertThat(Double.parseDouble(perCity.get("Education").get(2))).isEqualTo(4.5);
            assertThat(b.driver.findElement(By.cssSelector("#fig-projects-status figcaption")).getText())
                    .contains("N = 815 projets de 28 répondants");

            // The most cited catalogue items, most cited first in each domain, and the ones the reference names.
            Map<String, List<String>> counts = new java.util.LinkedHashMap<>();
            Map<String, List<String>> items = new java.util.LinkedHashMap<>();
            for (List<String> row : b.figureRows("top-items")) {
                items.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row.get(1));
                counts.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row.get(2));
            }
            TOP_ITEMS_2014.forEach((domain, expected) ->
                    assertThat(counts.get(domain)).as(domain).startsWith(expected.toArray(String[]::new)));
            assertThat(items.get("Education").get(0)).isEqualTo("digital_equipment_in_schools");
            assertThat(items.get("Bâtiments / Urbanisme").get(0)).isEqualTo("gis_implementation");
            assertThat(items.get("Développement économique").get(0)).isEqualTo("fibre_and_communication_network");
            assertThat(items.get("Domaines transverses").subList(0, 2)).containsExactly("citizen_portal", "open_data");

            // Governance over the 815 projects: 731 with some, 84 without; each mode's distribution.
            List<String> governed = b.figure("governance-by-domain").get("Total");
            assertThat(governed.subList(0, 2)).containsExactly("731", "84");
            assertThat(column(b.figure("governance-managementMode"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "Régie", "264", "Marché", "182", "Autre", "108", "Délégation de service public (DSP)", "30",
                    "Partenariat public-privé (PPP)", "6", "Non renseigné", "141"));
            assertThat(column(b.figure("governance-decisionMode"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "Unilatérale par la ville", "366", "Décision collective multipartenaire", "161",
                    "Ouverte à la participation des citoyens", "51", "Autre", "0", "Non renseigné", "153"));
            assertThat(column(b.figure("governance-coordination"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "Un chef de projet unique interne à la ville", "205", "Une équipe dédiée / direction numérique", "190",
                    "Acteur extérieur", "95", "Coordination assurée par plusieurs partenaires", "87", "Non renseigné", "154"));
            assertThat(levels(b.figureRows("governance-measure"))).containsExactly("259", "141", "141", "141", "49");
            assertThat(b.driver.findElement(By.cssSelector("#fig-governance-measure figcaption")).getText())
                    .contains("dont 682 renseignés sur ce point, par 24 répondants");
            assertThat(levels(b.figureRows("governance-means"))).containsExactly("170", "143", "143", "224", "51");
            assertThat(b.driver.findElement(By.cssSelector("#fig-governance-means figcaption")).getText())
                    .contains("dont 680 renseignés sur ce point, par 25 répondants");

            // Motivations ranked by 21: points over 21 as the mean, the rank, and the count at each rank.
            Map<String, List<String>> motivations = b.figure("motivations");
            Object[][] ranked = {
                    {"Qualité de service", 98, "1", List.of("15", "5", "1", "0", "0")},
                    {"Attractivité", 79, "2", List.of("5", "10", "3", "2", "1")},
                    {"Efficacité budgétaire", 58, "3", List.of("1", "4", "8", "5", "3")},
                    {"Développement durable", 46, "4", List.of("0", "2", "6", "7", "6")},
                    {"Exemplarité", 34, "5", List.of("0", "0", "3", "7", "11")}};
            for (Object[] m : ranked) {
                List<String> row = motivations.get((String) m[0]);
                assertThat(Double.parseDouble(row.get(0))).as((String) m[0]).isCloseTo((int) m[1] / 21.0, within(0.0005));
                assertThat(row.get(1)).as((String) m[0]).isEqualTo(m[2]);
                assertThat(row.subList(2, 7)).as((String) m[0]).isEqualTo(m[3]);
            }
            assertThat(b.driver.findElement(By.cssSelector("#fig-motivations figcaption")).getText()).contains("N = 21 répondants");

            // Actors: each statement on the four levels, from strongly disagree to strongly agree.
            Map<String, List<String>> actors = b.figure("actors");
            Map<String, List<String>> statements = Map.of(
                    "Les projets numériques privilégient les intérêts de l'administration", List.of("2", "6", "11", "2"),
                    "Les projets numériques privilégient les intérêts des citoyens", List.of("0", "2", "10", "9"),
                    "Les projets numériques sont co-construits par la ville et les citoyens", List.of("2", "6", "10", "3"),
                    "Les projets numériques concernent plutôt les intérêts du territoire", List.of("1", "2", "6", "12"),
                    "Les projets numériques concernent l'intérêt commun de la ville et d'autres territoires", List.of("1", "5", "11", "4"),
                    "Les projets numériques sont co-construits entre la ville et les entreprises", List.of("2", "8", "9", "0"),
                    "Les projets numériques concernent d'abord les intérêts des entreprises", List.of("2", "7", "10", "2"));
            statements.forEach((statement, levels) ->
                    assertThat(actors.get(statement).subList(1, 5)).as(statement).isEqualTo(levels));

            // Each chart has drawn its SVG.
            List<WebElement> charts = b.driver.findElements(By.cssSelector("div.chart"));
            assertThat(charts).hasSizeGreaterThan(8);
            for (WebElement chart : charts) {
                String id = chart.getAttribute("id");
                b.waiting().until(d -> !d.findElements(By.cssSelector("#" + id + " svg")).isEmpty());
            }
            problems.addAll(b.accessibilityProblems());

            // A month after the closing: the page's figures move as the API's do for that cut-off.
            b.field("Date de la vue").clear();
            b.field("Date de la vue").sendKeys("15/04/2014 23:59");
            b.button("Afficher").click();
            b.waiting().until(d -> d.findElement(By.id("view-asof-value")).getAttribute("data-value").startsWith("2014-04-15"));
            String later = b.driver.findElement(By.id("view-asof-value")).getAttribute("data-value");
            JsonNode month = web.synthesis("bvn-2014", "?asOf=" + later + "&exclude=nice-metropole");
            assertThat(b.driver.findElement(By.id("view-fingerprint")).getText()).isEqualTo(month.get("fingerprint").asText());
            assertThat(month.at("/projects/total").asInt()).isGreaterThan(815);
            Map<String, List<String>> moved = b.figure("projects-status");
            assertThat(moved.get("Total").get(0)).isEqualTo(month.at("/projects/total").asText());
            int i = 0;
            List<List<String>> movedRows = b.figureRows("projects-status");
            for (var e : month.at("/projects/byDomain").properties()) {
                List<String> row = movedRows.get(i++);
                assertThat(row.get(1)).as(e.getKey()).isEqualTo(e.getValue().get("count").asText());
                assertThat(row.get(5)).as(e.getKey()).isEqualTo(e.getValue().at("/status/DONE").asText());
            }
            problems.addAll(b.accessibilityProblems());
        }
        assertThat(problems).isEmpty();
    }

    /** The report's view: the closing, Nice left out. */
    private static final String CLOSING = "?asOf=closing&exclude=nice-metropole";

    /** The API's synthesis of the report's view, once the import's events are projected. */
    private JsonNode closingView() throws Exception {
        // The import's events are projected before the page is compared with the API: the view says it is complete.
        await().atMost(Duration.ofSeconds(60)).until(() -> web.synthesis("bvn-2014", CLOSING).at("/projection/complete").asBoolean());
        return web.synthesis("bvn-2014", CLOSING);
    }

    private Browser analyst() throws Exception {
        Browser b = new Browser(web.web(), true);
        b.go("/").signIn("ana.lyste", WebStack.password("ana.lyste"));
        // Signed in once the first page shows: a page asked for sooner would meet the sign-in form.
        b.waitFor("h1", "Mes questionnaires");
        return b;
    }

    /** A one-column figure as label → figure. */
    private static Map<String, String> column(Map<String, List<String>> figure) {
        Map<String, String> column = new java.util.LinkedHashMap<>();
        figure.forEach((label, cells) -> column.put(label, cells.get(0)));
        return column;
    }

    /** A level figure's counts: levels 1 to 4, then not answered (the mean's row left out). */
    private static List<String> levels(List<List<String>> rows) {
        return rows.subList(0, 5).stream().map(r -> r.get(1)).toList();
    }

    @Test
    void anAnalystComparesTheTwoEditionsEachAsOfItsClosingAsTheReportDid() throws Exception {
        JsonNode api = WebStack.expect(web.api.get(web.query()
                + "/api/comparisons?base=bvn-2013&target=bvn-2014&exclude=nice-metropole", web.adminToken), 200).json();
        try (Browser b = analyst()) {
            b.link("Comparer deux éditions").click();
            new org.openqa.selenium.support.ui.Select(b.field("Édition de référence")).selectByValue("bvn-2013");
            new org.openqa.selenium.support.ui.Select(b.field("Édition comparée")).selectByValue("bvn-2014");
            b.field("Collectivités exclues des deux éditions").sendKeys("nice-metropole");
            b.button("Afficher").click();
            b.waitFor("#fig-comparison-domains figcaption", "N = 516 projets en bvn-2013, 815 en bvn-2014");
            assertThat(b.waitFor("#panel-size", "Sans panel")).contains("tous ses répondants");

            // The report's changes from 2013 to 2014 (shared/reference/README.md): projects per domain, base then
            // target then the difference, and the share done where the report quotes it.
            Map<String, List<String>> domains = b.figure("comparison-domains");
            Object[][] counts = {
                    {"Transport / Mobilité", 96, 131}, {"Loisirs / Culture", 80, 86},
                    {"E-gouvernement / E-citoyenneté", 75, 117}, {"Education", 60, 125},
                    {"Energie / Eau / Déchets", 50, 79}, {"Bâtiments / Urbanisme", 50, 75}, {"Sécurité", 45, 40},
                    {"Développement économique", 40, 64}, {"Santé / Social", 20, 29}};
            for (Object[] c : counts) {
                List<String> row = domains.get((String) c[0]);
                assertThat(row.subList(0, 3)).as((String) c[0]).containsExactly(c[1].toString(), c[2].toString(),
                        Integer.toString((int) c[2] - (int) c[1]));
            }
            assertThat(Double.parseDouble(domains.get("Education").get(6))).isCloseTo(32 / 60.0, within(1e-9));
            assertThat(Double.parseDouble(domains.get("Education").get(7))).isCloseTo(61 / 125.0, within(1e-9));
            assertThat(Double.parseDouble(domains.get("Transport / Mobilité").get(6))).isEqualTo(0.5);
            assertThat(Double.parseDouble(domains.get("Transport / Mobilité").get(7))).isCloseTo(67 / 131.0, within(1e-9));
            assertThat(Double.parseDouble(domains.get("Energie / Eau / Déchets").get(6))).isEqualTo(0.38);
            // New in 2014: absent from 2013, not zero, and no difference claimed.
            List<WebElement> crossCutting = b.driver.findElements(By.xpath(
                    "//table[@data-figure='comparison-domains']//tr[th='Domaines transverses']/td"));
            assertThat(crossCutting.get(0).getText()).isEqualTo("absent");
            assertThat(crossCutting.get(1).getAttribute("data-value")).isEqualTo("69");
            assertThat(crossCutting.get(2).getText()).isEqualTo("sans objet");

            // Motivations: service quality first both years; attractiveness third in 2013, second in 2014.
            Map<String, List<String>> motivations = b.figure("comparison-motivations");
            assertThat(motivations.get("Qualité de service").subList(0, 4)).satisfies(m -> {
                assertThat(Double.parseDouble(m.get(0))).isCloseTo(4.5, within(0.0005));
                assertThat(m.get(1)).isEqualTo("1");
                assertThat(Double.parseDouble(m.get(2))).isCloseTo(98 / 21.0, within(0.0005));
                assertThat(m.get(3)).isEqualTo("1");
            });
            assertThat(List.of(motivations.get("Attractivité").get(1), motivations.get("Attractivité").get(3)))
                    .containsExactly("3", "2");
            assertThat(List.of(motivations.get("Efficacité budgétaire").get(1), motivations.get("Efficacité budgétaire").get(3)))
                    .containsExactly("2", "3");

            // The top three domains: transport, culture, e-government in 2013; transport, education, e-government in 2014.
            List<List<String>> top = b.figureRows("comparison-top");
            assertThat(top.stream().map(r -> r.get(1)).toList())
                    .containsExactly("transport_mobility", "leisure_culture", "egov_ecitizenship");
            assertThat(top.stream().map(r -> r.get(2)).toList())
                    .containsExactly("transport_mobility", "education", "egov_ecitizenship");
            b.waiting().until(d -> !d.findElements(By.cssSelector("#chart-comparison-domains svg")).isEmpty());
            assertThat(b.accessibilityProblems()).isEmpty();

            // The same editions on the panel of collectivités present in both: its size is said.
            b.click("Seulement les répondants présents dans les deux éditions (panel)");
            b.button("Afficher").click();
            JsonNode panel = WebStack.expect(web.api.get(web.query()
                    + "/api/comparisons?base=bvn-2013&target=bvn-2014&exclude=nice-metropole&panel=true", web.adminToken), 200).json();
            assertThat(b.waitFor("#panel-size", "Panel :")).startsWith("Panel : " + panel.get("panelRespondents").asInt()
                    + " collectivités ont répondu aux deux éditions");
            // 14 collectivités answered both editions, but strasbourg-cu only after the 2014 closing.
            assertThat(panel.get("panelRespondents").asInt()).isEqualTo(13);
            assertThat(api.at("/target/projects").asInt()).isEqualTo(815);
        }
    }

    @Test
    void aRespondentCannotReadTheBarometersFigures() throws Exception {
        web.collectivite("ploermel", "Ploërmel", "ivy.ploermel");
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn("ivy.ploermel", WebStack.password("ivy.ploermel"));
            b.waitFor("h1", "Mes questionnaires");
            b.go("/campaigns/bvn-2014/synthesis?asOf=closing");
            assertThat(b.heading()).isEqualTo("Accès refusé");
            b.go("/campaigns/bvn-2014/exports/projects.csv?asOf=closing");
            assertThat(b.heading()).isEqualTo("Accès refusé");
        }
    }
}
