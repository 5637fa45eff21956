package io.barometer.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An admin imports an answer log and rebuilds the projections from the pages, in a real Chromium. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminToolsPageTest {

    private WebStack web;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed: browser tests skipped");
        web = WebStack.get();
    }

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
    void anAdminRebuildsTheProjectionsAndSeesThemCatchUp() throws Exception {
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            b.link("Reconstruire les projections").click();
            b.waitFor("#replay-status", "Dernier événement enregistré");
            b.button("Reconstruire les projections").click();
            // The page polls the progress by itself until every processor has caught up.
            b.waitFor("#replay-status", "Les projections sont à jour.");
            assertThat(b.accessibilityProblems()).isEmpty();
        }
    }
}
