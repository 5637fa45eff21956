package io.barometer.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * People and their data (issue #23), in a real Chromium against the real services: a respondent reads what is
 * kept about them, the session names them by person id only, and an admin erases a person, after which the
 * audit shows their changes as an erased person's, without their name.
 */
class PeoplePagesTest extends BrowserTest {

    /** Signs in, starts the campaign's questionnaire and answers the profile's first two questions. */
    private static void answerTheProfile(Browser b, String username) {
        b.go("/").signIn(username, WebStack.password(username));
        b.waitFor("h1", "Mes questionnaires");
        b.link("Commencer le questionnaire").click();
        b.button("Commencer le questionnaire").click();
        b.link("Remplir le questionnaire").click();
        b.click("Élu");
        b.click("Oui");
        b.waitFor("#profile .save-status", "Enregistré à");
    }

    @Test
    void aRespondentSeesTheirOwnDataAndTheChangesTheyMade() throws Exception {
        web.collectivite("douarnenez", "Douarnenez");
        String maelle = web.account("maelle.douarnenez", "RESPONDENT", "douarnenez", "Maëlle Kerlann",
                "maelle.kerlann@douarnenez.example");
        try (Browser b = new Browser(web.web(), true)) {
            answerTheProfile(b, "maelle.douarnenez");
            assertThat(b.driver.findElement(By.cssSelector(".who")).getText()).isEqualTo("Connecté·e : Maëlle Kerlann");

            b.link("Mes données").click();
            b.waitFor("h1", "Mes données");
            // The answers just given are counted once query-service has read them: the page is read again until then.
            String data = b.waiting().until(d -> {
                String shown = d.findElement(By.id("my-data")).getText();
                if (!d.findElement(By.id("my-changes")).getText().matches("[1-9]\\d*")) {
                    d.navigate().refresh();
                    return null;
                }
                return shown;
            });
            assertThat(data).contains("maelle.douarnenez").contains("Maëlle Kerlann")
                    .contains("maelle.kerlann@douarnenez.example").contains("douarnenez").contains("Répondant");
            assertThat(b.text()).contains("demandez-le à un administrateur");
            b.screenshot("people-my-data");
            assertThat(b.accessibilityProblems()).isEmpty();

            // The shared session table names the person by id, and holds neither their name nor their username.
            assertThat(web.sessionsOf(maelle)).isPositive();
            assertThat(web.sessionPlacesHolding("maelle.douarnenez")).isZero();
            assertThat(web.sessionPlacesHolding("Kerlann")).isZero();
            assertThat(web.sessionPlacesHolding("douarnenez.example")).isZero();

            // The people of a collectivité and their erasure are for admins only.
            for (String adminPage : List.of("/admin/people?collectivite=douarnenez", "/admin/people/" + maelle + "/erasure")) {
                b.go(adminPage);
                assertThat(b.heading()).isEqualTo("Accès refusé");
                assertThat(b.text()).doesNotContain("Effacer");
            }

            b.go("/account/data?lang=en");
            assertThat(b.waitFor("h1", "My data")).isEqualTo("My data");
            assertThat(b.text()).contains("Signed in: Maëlle Kerlann").contains("Changes recorded in your name");
        }
    }

    @Test
    void anAdminErasesAPersonWithAReasonAndTheAuditNoLongerNamesThem() throws Exception {
        web.collectivite("carhaix", "Carhaix-Plouguer");
        String yves = web.account("yves.carhaix", "RESPONDENT", "carhaix", "Yves Le Bihan", "yves@carhaix.example");
        String erased = "personne effacée (" + yves.substring(0, 8) + ")";
        try (Browser b = new Browser(web.web(), true)) {
            answerTheProfile(b, "yves.carhaix");
        }
        // Without JavaScript: the erasure is a plain form, posted and redirected.
        try (Browser admin = new Browser(web.web(), false)) {
            admin.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            admin.link("Comptes : les voir, en créer (répondant, analyste, administrateur)").click();
            admin.link("Personnes d’une collectivité, et effacement de leurs données").click();
            admin.field("Collectivité (identifiant)").sendKeys("carhaix");
            admin.button("Afficher les personnes").click();
            assertThat(admin.waitFor("#people-list tbody", "Yves Le Bihan")).contains("yves.carhaix")
                    .contains("yves@carhaix.example").contains("Actif");
            admin.linkNamed("Effacer — Yves Le Bihan").click();
            admin.waitFor("h1", "Effacer les données de Yves Le Bihan");

            // Without a reason nothing is erased; the page says so by the field.
            admin.button("Effacer définitivement").click();
            assertThat(admin.waitFor(".error-summary", "Rien n’a été effacé")).contains("Motif de l’effacement");
            assertThat(admin.waitFor("#erasure-reason-error", "Indiquez le motif")).isNotEmpty();
            assertThat(admin.field("Motif de l’effacement").getAttribute("aria-describedby")).contains("erasure-reason-error");
            admin.screenshot("people-erasure-refused");
            admin.field("Motif de l’effacement").sendKeys("Demande de la personne reçue le 12 mars");
            admin.button("Effacer définitivement").click();

            assertThat(admin.waitFor("#people-notice", "Données effacées")).contains(erased);
            String list = admin.waitFor("#people-list tbody", erased);
            assertThat(list).doesNotContain("Yves Le Bihan").doesNotContain("yves.carhaix").doesNotContain("yves@carhaix");
            admin.screenshot("people-erased");

            admin.go("/audit?collectivite=carhaix");
            admin.waitFor("#audit-caption", "modifications");
            List<String> rows = new ArrayList<>();
            admin.driver.findElements(By.cssSelector("table.history tbody tr")).forEach(r -> rows.add(r.getText()));
            assertThat(rows).isNotEmpty().anySatisfy(r -> assertThat(r).contains(erased)).allSatisfy(r -> assertThat(r)
                    .doesNotContain("Yves Le Bihan").doesNotContain("yves.carhaix").doesNotContain(yves));
        }
        // The account is closed for good: its password no longer signs anyone in.
        try (Browser b = new Browser(web.web(), true)) {
            b.go("/").signIn("yves.carhaix", WebStack.password("yves.carhaix"));
            assertThat(b.waitFor("#login-message", "Identifiant ou mot de passe incorrect.")).isNotEmpty();
        }
    }

    @Test
    void thePeoplePagesHaveNoSeriousOrCriticalAccessibilityProblem() throws Exception {
        web.collectivite("paimpol", "Paimpol");
        web.account("gwen.paimpol", "RESPONDENT", "paimpol", "Gwen Le Roux", null);
        List<String> problems = new ArrayList<>();
        try (Browser admin = new Browser(web.web(), true)) {
            admin.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            admin.waitFor("h1", "Mes questionnaires");
            admin.go("/admin/people?collectivite=paimpol");
            admin.waitFor("#people-list tbody", "Gwen Le Roux");
            problems.addAll(admin.accessibilityProblems());
            admin.linkNamed("Effacer — Gwen Le Roux").click();
            admin.button("Effacer définitivement").click();
            admin.waitFor(".error-summary", "Rien n’a été effacé");
            problems.addAll(admin.accessibilityProblems());
            admin.go("/admin/people?collectivite=Not+an+id!");
            admin.waitFor(".error-summary", "La liste n’a pas pu être affichée");
            problems.addAll(admin.accessibilityProblems());
            admin.go("/account/data");
            admin.waitFor("h1", "Mes données");
            problems.addAll(admin.accessibilityProblems());
        }
        assertThat(problems).isEmpty();
    }
}
