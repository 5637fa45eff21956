package io.barometer.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An analyst reads the 2014 barometer as of its closing in a real Chromium: every table holds exactly the
 * API's figures, the header names what the view rests on, the charts are drawn, and a respondent is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SynthesisPageTest {

    private WebStack web;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed: browser tests skipped");
        web = WebStack.get();
        web.account("ana.lyste", "ANALYST", null);
    }

    @Test
    void anAnalystReadsThe2014BarometerAsOfItsClosingWithTheApisFigures() throws Exception {
        String view = "?asOf=closing&exclude=nice-metropole";
        // The import's events are projected before the page is compared with the API.
        await().atMost(Duration.ofSeconds(60)).until(() -> web.synthesis("bvn-2014", view).at("/projects/total").asInt() > 800);
        JsonNode api = web.synthesis("bvn-2014", view);
        List<String> problems = new ArrayList<>();
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn("ana.lyste", WebStack.password("ana.lyste"));
            b.linkNamed("Le baromètre — Baromètre des villes numériques 2014").click();
            // Left out as the report did, picked from the campaign's respondents.
            b.click("Collectivités exclues", "Nice Métropole");
            b.button("Afficher").click();
            b.waitFor("#view-fingerprint", "sha256:");
            assertThat(b.driver.findElement(By.id("view-fingerprint")).getText()).isEqualTo(api.get("fingerprint").asText());
            assertThat(b.driver.findElement(By.id("view-events-through")).getText())
                    .isEqualTo(api.get("eventsThrough").asText());
            assertThat(b.path()).contains("asOf=closing").contains("exclude=nice-metropole");

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

    @Test
    void anAnalystReadsAResponsesAnswersButNotWhoGaveThem() throws Exception {
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn("ana.lyste", WebStack.password("ana.lyste"));
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
    void anAnalystComparesTheTwoEditionsEachAsOfItsClosing() throws Exception {
        JsonNode api = WebStack.expect(web.api.get(web.query() + "/api/comparisons?base=bvn-2013&target=bvn-2014",
                web.adminToken), 200).json();
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn("ana.lyste", WebStack.password("ana.lyste"));
            b.link("Comparer deux éditions").click();
            new org.openqa.selenium.support.ui.Select(b.field("Édition de référence")).selectByValue("bvn-2013");
            new org.openqa.selenium.support.ui.Select(b.field("Édition comparée")).selectByValue("bvn-2014");
            b.button("Afficher").click();
            b.waitFor("#fig-comparison-domains figcaption", "N = " + api.at("/base/projects").asInt() + " projets en bvn-2013");
            List<WebElement> rows = b.driver.findElements(By.cssSelector("table[data-figure=comparison-domains] tbody tr"));
            int i = 0;
            for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) () -> api.get("byDomain").fields()) {
                List<WebElement> cells = rows.get(i++).findElements(By.tagName("td"));
                assertThat(cells.get(0).getAttribute("data-value")).isEqualTo(e.getValue().at("/base/count").asText(""));
                assertThat(cells.get(1).getAttribute("data-value")).isEqualTo(e.getValue().at("/target/count").asText(""));
                assertThat(cells.get(2).getAttribute("data-value")).isEqualTo(e.getValue().at("/delta/count").asText(""));
            }
            assertThat(rows).hasSize(api.get("byDomain").size());
            List<WebElement> top = b.driver.findElements(By.cssSelector("table[data-figure=comparison-top] tbody tr"));
            assertThat(top.get(0).findElements(By.tagName("td")).get(1).getAttribute("data-value"))
                    .isEqualTo(api.at("/topDomains/target/0").asText());
            assertThat(b.accessibilityProblems()).isEmpty();
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
