package io.barometer.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An admin imports an answer log and rebuilds the projections from the pages, in a real Chromium. */
class AdminToolsPageTest extends BrowserTest {

    @Test
    void anAdminImportsALogAndIsToldWhichLineWasRefused() throws Exception {
        Path log = Files.createTempFile("answers", ".ndjson");
        String good = """
                {"op": "registerCollectivite", "at": "2026-02-01T09:00:00+01:00", "by": "paper.team", "collectivite": "pontivy", "name": "Pontivy", "kind": "COMMUNE", "region": "Bretagne", "population": 15000, "parentId": null}
                {"op": "startResponse", "at": "2026-02-02T09:00:00+01:00", "by": "pontivy.dsi", "campaign": "bvn-web", "collectivite": "pontivy"}
                """;
        Files.writeString(log, good + """
                {"op": "answerProfile", "at": "2026-02-02T10:00:00+01:00", "by": "pontivy.dsi", "campaign": "bvn-web", "collectivite": "pontivy", "role": "MAYOR", "worksInDigital": true}
                """);
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            b.link("Importer un journal de réponses").click();
            b.button("Importer").click();
            assertThat(b.waitFor("#import-log-error", "Choisissez un fichier")).isNotEmpty();
            b.field("Journal de réponses (.ndjson)").sendKeys(log.toAbsolutePath().toString());
            b.button("Importer").click();
            assertThat(b.waitFor("#import-refused", "ligne 3")).contains("role");
            assertThat(b.accessibilityProblems()).isEmpty();

            // Mended, the same file resumes: the two lines already applied are skipped.
            Files.writeString(log, good + """
                    {"op": "answerProfile", "at": "2026-02-02T10:00:00+01:00", "by": "pontivy.dsi", "campaign": "bvn-web", "collectivite": "pontivy", "role": "ELECTED", "worksInDigital": true}
                    """);
            b.field("Journal de réponses (.ndjson)").sendKeys(log.toAbsolutePath().toString());
            b.button("Importer").click();
            assertThat(b.waitFor("#import-result", "importé")).contains("3 lignes, 1 appliquées, 2 déjà présentes");
        }
    }

    @Test
    void anAdminFollowsALongImportLineByLineUntilItEnds() throws Exception {
        // A campaign of its own, older than the others, and a project whose status goes back and forth: every
        // line changes something, so the service works through each and the page can be seen mid-way.
        int moves = 2400;
        StringBuilder log = new StringBuilder("""
                {"op": "openCampaign", "at": "2009-11-15T09:00:00+01:00", "by": "paper.team", "campaign": "bvn-web-2010", "year": 2010, "title": "Baromètre 2010 (import)", "opensAt": "2009-12-01T00:00:00+01:00", "closesAt": "2010-03-15T23:59:59+01:00", "questionnaire": "bvn-2014"}
                {"op": "registerCollectivite", "at": "2009-11-20T09:00:00+01:00", "by": "paper.team", "collectivite": "quimperle", "name": "Quimperlé", "kind": "COMMUNE", "region": "Bretagne", "population": 12000, "parentId": null}
                {"op": "startResponse", "at": "2009-12-02T09:00:00+01:00", "by": "quimperle.dsi-1", "campaign": "bvn-web-2010", "collectivite": "quimperle"}
                {"op": "declareProject", "at": "2009-12-02T09:10:00+01:00", "by": "quimperle.dsi-1", "campaign": "bvn-web-2010", "collectivite": "quimperle", "project": "6f1c1a52-3d0e-4a57-9f5e-0b8e2c1d7a10", "domain": "education", "label": "Tableaux numériques", "status": "STUDY"}
                """);
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2009-12-03T09:00:00+01:00");
        for (int i = 0; i < moves; i++) {
            log.append("{\"op\": \"updateProgress\", \"at\": \"").append(at.plusMinutes(i))
                    .append("\", \"by\": \"quimperle.dsi-1\", \"campaign\": \"bvn-web-2010\", \"collectivite\": \"quimperle\", ")
                    .append("\"project\": \"6f1c1a52-3d0e-4a57-9f5e-0b8e2c1d7a10\", \"status\": \"")
                    .append(i % 2 == 0 ? "IN_PROGRESS" : "STUDY").append("\"}\n");
        }
        int lines = 4 + moves;
        Path file = Files.createTempFile("long-answers", ".ndjson");
        Files.writeString(file, log);
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            b.link("Importer un journal de réponses").click();
            b.field("Journal de réponses (.ndjson)").sendKeys(file.toAbsolutePath().toString());
            b.button("Importer").click();

            // While it runs: a bar out of the file's lines, its count said in words, and a link to refresh by hand.
            WebElement bar = b.waiting().until(d -> d.findElement(By.id("import-progress")));
            assertThat(bar.getAttribute("max")).isEqualTo(Integer.toString(lines));
            long first = Long.parseLong(bar.getAttribute("value"));
            assertThat(first).isBetween(0L, (long) lines - 1);
            // Numbers as the page writes them, thousands apart: compared without their spaces.
            assertThat(b.driver.findElement(By.id("import-running")).getText().replaceAll("[\\s\u00a0\u202f]", ""))
                    .contains("lignestraitéessur" + lines);
            assertThat(b.link("Actualiser l’avancement").getAttribute("href")).contains(b.path());
            assertThat(b.accessibilityProblems()).isEmpty();

            // htmx asks for the count every second: it grows without a reload, then the page says how it ended.
            b.waiting().until(d -> {
                try {
                    return Long.parseLong(d.findElement(By.id("import-progress")).getAttribute("value")) > first;
                } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                    return !d.findElements(By.id("import-result")).isEmpty();
                }
            });
            String done = new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofMinutes(3))
                    .until(d -> {
                        var result = d.findElements(By.id("import-result"));
                        return result.isEmpty() ? null : result.get(0).getText();
                    });
            assertThat(done.replaceAll("[\\s\u00a0\u202f]", "")).contains(lines + "lignes," + lines + "appliquées,0déjàprésentes");
            assertThat(b.accessibilityProblems()).isEmpty();
        }
    }

    @Test
    void anAdminOpensACampaignAndSeesHowManyLabelsAMovedDeadlineChangesBeforeMovingIt() throws Exception {
        java.util.List<String> before = labels("bvn-2013");
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            b.link("Ouvrir une campagne, déplacer une clôture").click();
            // An edition older than every other, so that respondents' first pages keep listing theirs first.
            b.field("Identifiant (par exemple bvn-2015)").sendKeys("bvn-web-2012");
            b.field("Année").sendKeys("2012");
            b.field("Titre").sendKeys("Baromètre 2012 (essai)");
            b.field("Ouverture (jj/mm/aaaa hh:mm)").sendKeys("01/12/2011 00:00");
            b.field("Clôture (jj/mm/aaaa hh:mm)").sendKeys("15/03/2012 23:59");
            b.button("Ouvrir la campagne").click();
            b.waitFor("main", "Campagne « bvn-web-2012 » enregistrée.");

            // The 2013 edition closed on 30 April 2013; a closing in mid-February relabels some answers.
            b.fieldNamed("Nouvelle clôture — Baromètre des villes numériques 2013").sendKeys("15/02/2013 23:59");
            b.buttonNamed("Voir l’effet — Baromètre des villes numériques 2013").click();
            String preview = b.waitFor("#deadline-preview", "changeraient de délai");
            // The count as the page writes it, with its thousands separator ("2 509 des 3 198 modifications").
            java.util.regex.Matcher count = java.util.regex.Pattern.compile(", ([\\d\\s\u00a0\u202f]+) des ").matcher(preview);
            assertThat(count.find()).as(preview).isTrue();
            int announced = Integer.parseInt(count.group(1).replaceAll("\\D", ""));
            assertThat(labels("bvn-2013")).isEqualTo(before);
            assertThat(b.accessibilityProblems()).isEmpty();
            b.button("Déplacer la clôture").click();
            b.waitFor("main", "Campagne « bvn-2013 » enregistrée.");

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
                java.util.List<String> after = labels("bvn-2013");
                int differing = 0;
                for (int i = 0; i < before.size(); i++) {
                    differing += before.get(i).equals(after.get(i)) ? 0 : 1;
                }
                assertThat(differing).isEqualTo(announced).isPositive();
            });
        } finally {
            WebStack.expect(web.api.json("PUT", web.command() + "/api/campaigns/bvn-2013/deadline", web.adminToken,
                    java.util.Map.of("closesAt", "2013-04-30T23:59:59+02:00")), 200);
        }
    }

    /** Every change's timeliness label in the campaign, in the audit's order. */
    private java.util.List<String> labels(String campaign) throws Exception {
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            var rows = WebStack.expect(web.api.get(web.query() + "/api/audit?campaign=" + campaign
                    + "&clock=effective&size=500&page=" + page, web.adminToken), 200).json();
            rows.get("items").forEach(r -> labels.add(r.path("eventPosition").asText() + "/" + r.path("field").asText()
                    + ":" + r.path("timeliness").asText()));
            if ((page + 1) * 500L >= rows.get("total").asLong()) {
                return labels;
            }
        }
    }

    @Test
    void anAdminRegistersACollectiviteThenCorrectsItWithAReason() throws Exception {
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            b.link("Inscrire ou corriger une collectivité").click();
            b.field("Identifiant (stable d’une édition à l’autre, par exemple vannes)").sendKeys("josselin");
            b.field("Nom").sendKeys("Josselin");
            b.field("Région").sendKeys("Bretagne");
            b.field("Population (vide si inconnue)").sendKeys("2 500");
            b.button("Inscrire").click();
            b.waitFor("main", "Collectivité « josselin » enregistrée.");

            b.field("Identifiant de la collectivité à corriger").sendKeys("josselin");
            b.field("Nouvelle population (« ? » si inconnue)").sendKeys("2 600");
            b.button("Corriger").click();
            // Without a reason nothing changes, and the page says which field is missing.
            assertThat(b.waitFor(".error-summary", "reason")).isNotEmpty();
            assertThat(b.field("Nouvelle population (« ? » si inconnue)").getAttribute("value")).isEqualTo("2 600");
            b.field("Motif de la correction").sendKeys("Recensement 2026");
            b.button("Corriger").click();
            b.waitFor("main", "Collectivité « josselin » enregistrée.");
            assertThat(b.accessibilityProblems()).isEmpty();
        }
        var audit = WebStack.expect(web.api.get(web.query() + "/api/audit?collectivite=josselin", web.adminToken), 200)
                .json();
        java.util.List<String> corrections = new java.util.ArrayList<>();
        audit.get("items").forEach(i -> {
            if ("population".equals(i.path("field").asText()) && i.path("oldValue").asInt() == 2500) {
                corrections.add(i.path("newValue").asText() + " " + i.path("reason").asText());
            }
        });
        assertThat(corrections).containsExactly("2600 Recensement 2026");
    }

    @Test
    void anAdminRebuildsTheProjectionsAndSeesThemCatchUp() throws Exception {
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            b.link("Reconstruire les projections").click();
            assertThat(b.waitFor("#replay-status", "Dernier événement enregistré")).contains("Avancement par processeur");
            b.button("Reconstruire les projections").click();
            // The page polls the progress by itself until every processor has caught up.
            b.waitFor("#replay-status", "Les projections sont à jour.");
            assertThat(b.accessibilityProblems()).isEmpty();
            // A processor that has not claimed its segments yet reads as caught up: the other tests of this
            // shared stack wait for the replay's real end, every processor at the head of the store.
            web.awaitProjectionsCaughtUp();
        }
    }
}
