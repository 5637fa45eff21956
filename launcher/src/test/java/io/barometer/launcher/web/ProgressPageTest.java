package io.barometer.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

/** An admin chases the collectivités that have not finished the 2014 edition, in a real Chromium. */
class ProgressPageTest extends BrowserTest {

    @Test
    void anAdminSeesWhoHasNotSubmittedAndDownloadsTheChaseList() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> progress().get("started").asInt() > 30);
        JsonNode api = progress();
        List<String> notSubmitted = new ArrayList<>();
        api.get("items").forEach(r -> {
            if (!r.get("submitted").asBoolean()) {
                notSubmitted.add(r.get("collectivite").asText());
            }
        });
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            b.linkNamed("Suivi des réponses — Baromètre des villes numériques 2014").click();
            assertThat(b.waitFor("#progress-summary", "collectivités inscrites")).startsWith(
                    api.get("collectivites").asInt() + " collectivités inscrites : " + api.get("started").asInt()
                            + " ont commencé, " + api.get("submitted").asInt() + " ont envoyé");
            b.link("Pas envoyé").click();
            b.waitFor("#progress-caption", notSubmitted.size() + " collectivités");
            assertThat(b.driver.findElements(By.cssSelector("table.progress tbody tr"))).hasSize(notSubmitted.size());
            // The reference's unfinished: two communes that answered only their profile, two that never submitted.
            assertThat(notSubmitted).contains("annecy", "le-blanc-mesnil", "nimes", "le-havre").doesNotContain("lille");
            assertThat(b.driver.findElement(By.cssSelector("table.progress tbody")).getText())
                    .contains("Annecy", "Le Blanc-Mesnil", "Nîmes", "Le Havre");
            assertThat(b.accessibilityProblems()).isEmpty();

            // The chase list, with the person's session as the browser would send it.
            String cookie = "SESSION=" + b.driver.manage().getCookieNamed("SESSION").getValue();
            HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(web.web() + "/campaigns/bvn-2014/progress/chase.csv")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            String[] lines = csv.body().split("\r\n");
            assertThat(lines[0]).isEqualTo("\uFEFFcollectivite;name;started;startedAt;projects;lastChange");
            List<String> listed = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                // The CSV writer quotes a cell where a spreadsheet could misread it (a hyphen, for one).
                listed.add(lines[i].substring(0, lines[i].indexOf(';')).replaceAll("^\"|\"$", ""));
            }
            assertThat(listed).containsExactlyInAnyOrderElementsOf(notSubmitted);
        }
    }

    @Test
    void anAdminFiltersTheAuditAndFollowsAChangeToItsResponsesHistory() throws Exception {
        JsonNode api = WebStack.expect(web.api.get(web.query()
                + "/api/audit?campaign=bvn-2014&collectivite=vannes&clock=recorded&size=50", web.adminToken), 200).json();
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            b.link("Audit des modifications").click();
            b.field("Campagne (identifiant)").sendKeys("bvn-2014");
            b.field("Collectivité (identifiant)").sendKeys("vannes");
            b.button("Filtrer").click();
            assertThat(b.waitFor("#audit-caption", "modifications")).startsWith(api.get("total").asLong() + " modifications");
            assertThat(b.driver.findElements(By.cssSelector("table.history tbody tr")))
                    .hasSize(api.get("items").size());
            assertThat(b.accessibilityProblems()).isEmpty();
            b.driver.findElements(By.cssSelector("table.history tbody tr a")).get(0).click();
            b.waitFor("h1", "Historique");
            assertThat(b.path()).isEqualTo("/campaigns/bvn-2014/responses/vannes/history");
        }
    }

    @Test
    void theAuditFindsTheEditsLilleMadeAfterTheClosing() throws Exception {
        // Lille had submitted; an admin reopened it on 20 March 2014, it declared 5 projects, moved 2 from study to
        // in progress and submitted again on the 26th (shared/reference/README.md): 9 changes after the closing.
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            b.link("Audit des modifications").click();
            b.field("Campagne (identifiant)").sendKeys("bvn-2014");
            b.field("Collectivité (identifiant)").sendKeys("lille");
            b.field("Du (jj/mm/aaaa)").sendKeys("16/03/2014");
            b.click("Horloge des dates", "Date des réponses (effective)");
            b.button("Filtrer").click();
            b.waitFor("#audit-caption", "modifications");
            List<String> rows = new ArrayList<>();
            b.driver.findElements(By.cssSelector("table.history tbody tr")).forEach(r -> rows.add(r.getText()));
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r).contains("modifiée après la clôture"));
            assertThat(rows).filteredOn(r -> r.contains("bvn-team.amandine"))
                    .singleElement().asString().contains("Réponses additionnelles après la clôture");
            assertThat(rows).filteredOn(r -> r.contains("STUDY") && r.contains("IN_PROGRESS")).hasSize(2);
            assertThat(rows).filteredOn(r -> r.contains("lille.numerique-1")).hasSizeGreaterThanOrEqualTo(8);
            JsonNode api = WebStack.expect(web.api.get(web.query() + "/api/audit?campaign=bvn-2014&collectivite=lille"
                    + "&clock=effective&from=2014-03-16T00:00:00%2B01:00&size=500", web.adminToken), 200).json();
            assertThat(b.driver.findElement(By.id("audit-caption")).getText()).startsWith(api.get("total").asLong() + " modifications");
            api.get("items").forEach(i -> assertThat(i.get("timeliness").asText()).isEqualTo("POST_DEADLINE_EDIT"));
            assertThat(b.accessibilityProblems()).isEmpty();
        }
    }

    private JsonNode progress() throws Exception {
        return WebStack.expect(web.api.get(web.query() + "/api/campaigns/bvn-2014/progress", web.adminToken), 200).json();
    }
}
