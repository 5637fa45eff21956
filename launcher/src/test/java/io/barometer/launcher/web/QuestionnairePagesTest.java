package io.barometer.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Respondents and admins in a real Chromium against the real web, services and PostgreSQL: signing in,
 * answering part by part, seeing each answer saved, a colleague's conflicting change, an admin's paper
 * entry, another collectivité's page refused, an expired session, keyboard-only use, pages without
 * JavaScript, and axe-core on every page.
 */
class QuestionnairePagesTest extends BrowserTest {

    private static final String CAMPAIGN = WebStack.CAMPAIGN;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Browser browser() throws Exception {
        return new Browser(web.web(), true);
    }

    private static String page(String collectivite, String part) {
        return "/campaigns/" + CAMPAIGN + "/responses/" + collectivite + (part.isEmpty() ? "" : "/" + part);
    }

    private Browser signedIn(String username) throws Exception {
        Browser b = browser();
        b.go("/").signIn(username, WebStack.password(username));
        b.waitFor("h1", "Mes questionnaires");
        return b;
    }

    /** Signs in, opens the campaign's questionnaire from the first page and starts it. */
    private Browser started(String username) throws Exception {
        Browser b = signedIn(username);
        b.link("Commencer le questionnaire").click();
        b.button("Commencer le questionnaire").click();
        b.waitFor("main", "parties sur 5 remplies");
        return b;
    }

    /** From a started questionnaire's overview: the profile's role and "works in digital", seen saved. */
    private static void answerProfile(Browser b, String role, String worksInDigital) {
        b.link("Remplir le questionnaire").click();
        b.click(role);
        b.click(worksInDigital);
        b.waitFor("#profile .save-status", "Enregistré à");
    }

    @Test
    void aRespondentAnswersTheProfileSeesItSavedAndFindsItAfterAReload() throws Exception {
        web.collectivite("ploemeur", "Ploemeur");
        String anne = web.account("anne.lorient", "RESPONDENT", "ploemeur", "Anne Le Floch", null);
        try (Browser b = started("anne.lorient")) {
            b.link("Remplir le questionnaire").click();
            assertThat(b.heading()).startsWith("Profil du répondant");
            b.click("Élu");
            b.click("Oui");
            assertThat(b.waitFor("#profile .save-status", "Enregistré à")).matches("Enregistré à \\d\\d:\\d\\d");
            b.field("Organisation en charge du numérique (facultatif)").sendKeys("Direction du numérique", Keys.TAB);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(web.response("ploemeur").at("/profile/organisation")
                    .asText()).isEqualTo("Direction du numérique"));

            b.driver.navigate().refresh();
            assertThat(b.field("Élu").isSelected()).isTrue();
            assertThat(b.field("Oui").isSelected()).isTrue();
            assertThat(b.field("Organisation en charge du numérique (facultatif)").getAttribute("value"))
                    .isEqualTo("Direction du numérique");

            // The session cookie is out of the scripts' reach and not sent cross-site; no token is in the browser.
            org.openqa.selenium.Cookie session = b.driver.manage().getCookieNamed("SESSION");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            assertThat(b.driver.manage().getCookies()).allSatisfy(c -> assertThat(c.getValue()).doesNotContain("eyJ"));
            assertThat(b.driver.getPageSource()).doesNotContain("eyJ");

            b.go(page("ploemeur", "history"));
            // Who changed what, by the name the person goes by: neither their username nor their person id.
            String history = b.waitFor("table.history", "Anne Le Floch");
            assertThat(history).contains("Élu").contains("Direction du numérique").contains("dans les délais")
                    .doesNotContain("anne.lorient").doesNotContain(anne);
        }
        JsonNode profile = web.response("ploemeur").get("profile");
        assertThat(profile.get("role").asText()).isEqualTo("ELECTED");
        assertThat(profile.get("worksInDigital").asBoolean()).isTrue();
        // Every event the pages caused names the person who signed in (by person id), never the web app.
        List<String> users = new ArrayList<>();
        web.history("ploemeur").get("items").forEach(i -> users.add(i.get("userId").asText() + " "
                + i.get("userName").asText()));
        assertThat(users).isNotEmpty().containsOnly(anne + " Anne Le Floch");
    }

    @Test
    void aRespondentFillsEveryPartAndSubmitsAfterASummary() throws Exception {
        web.collectivite("rennes", "Rennes", "yann.rennes");
        try (Browser b = started("yann.rennes")) {
            answerProfile(b, "Agent administratif", "Non");
            b.screenshot("questionnaire-profile");

            b.link("Projets par domaine →").click();
            b.click("Wifi dans les salles de cours");
            b.waitFor("#projects-education .save-status", "Enregistré à");
            b.select("État d’avancement — Wifi dans les salles de cours", "Réalisé");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(web.response("rennes").at("/projects/0/status")
                    .asText()).isEqualTo("DONE"));
            b.field("Ajouter un projet (intitulé)", "projects-security").sendKeys("Vidéoprotection du centre-ville", Keys.TAB);
            b.waitFor("#projects-security", "Vidéoprotection du centre-ville");
            b.screenshot("questionnaire-projects");

            b.link("Gouvernance des projets →").click();
            b.click("Mesure des résultats", "2 — " + levelLabel(b, "measure", 2));
            b.waitFor(".section .save-status", "Enregistré à");

            b.link("Motivations →").click();
            String[] motivations = {"SERVICE_QUALITY", "ATTRACTIVENESS", "SUSTAINABLE_DEVELOPMENT", "EXEMPLARITY",
                    "BUDGET_EFFICIENCY"};
            for (int i = 0; i < motivations.length; i++) {
                b.selectAt("#motivations__rank-" + motivations[i], "rang " + (i + 1));
            }
            b.waitFor("#motivations .save-status", "Enregistré à");

            b.link("Acteurs du territoire →").click();
            int statements = b.driver.findElements(org.openqa.selenium.By.cssSelector("#actors fieldset")).size();
            for (int i = 0; i < statements; i++) {
                b.clickAt("#actors fieldset:nth-of-type(" + (i + 1) + ") input[value=AGREE]");
                int rated = i + 1;
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(web.response("rennes").get("actors").size())
                        .isEqualTo(rated));
            }
            b.link("Envoyer le questionnaire →").click();
            assertThat(b.text()).contains("Résumé par partie").contains("Projets déclarés : 2");
            b.screenshot("questionnaire-submit");
            b.button("Confirmer l’envoi").click();
            assertThat(b.waitFor(".banner.submitted", "Questionnaire envoyé le")).contains("un administrateur peut le rouvrir");
        }
        JsonNode response = web.response("rennes");
        assertThat(response.get("submitted").asBoolean()).isTrue();
        assertThat(response.at("/motivations/ranking/0").asText()).isEqualTo("SERVICE_QUALITY");
        assertThat(response.at("/motivations/ranking/4").asText()).isEqualTo("BUDGET_EFFICIENCY");
        assertThat(response.get("projects")).hasSize(2);
        assertThat(response.at("/projects/0/governance/measure").asInt()).isEqualTo(2);
    }

    private static String levelLabel(Browser b, String key, int level) {
        String id = b.driver.findElement(org.openqa.selenium.By.cssSelector("input[name=" + key + "][value='" + level + "']"))
                .getAttribute("id");
        String text = b.driver.findElement(org.openqa.selenium.By.cssSelector("label[for='" + id + "']")).getText();
        return text.substring(text.indexOf("— ") + 2);
    }

    @Test
    void twoColleaguesChangingTheSameStatusNeverOverwriteEachOtherSilently() throws Exception {
        web.collectivite("quimper", "Quimper", "paul.quimper", "lea.quimper");
        String wifi = "État d’avancement — Wifi dans les salles de cours";
        try (Browser paul = started("paul.quimper"); Browser lea = signedIn("lea.quimper")) {
            paul.go(page("quimper", "projects"));
            paul.click("Wifi dans les salles de cours");
            paul.waitFor("#projects-education .save-status", "Enregistré à");
            paul.select(wifi, "Etude de la question");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(web.response("quimper").at("/projects/0/status")
                    .asText()).isEqualTo("STUDY"));

            lea.go(page("quimper", "projects"));
            assertThat(new Select(lea.fieldNamed(wifi)).getFirstSelectedOption().getText()).isEqualTo("Etude de la question");

            paul.select(wifi, "Réalisé");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(web.response("quimper").at("/projects/0/status")
                    .asText()).isEqualTo("DONE"));

            lea.select(wifi, "En cours de réalisation");
            String conflict = lea.waitFor(".conflict", "Un·e collègue a modifié cette réponse");
            lea.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})",
                    lea.driver.findElement(org.openqa.selenium.By.cssSelector(".conflict")));
            assertThat(conflict).contains("Réalisé").contains("En cours de réalisation");
            lea.screenshot("questionnaire-conflict");
            // Nothing was overwritten: the colleague's answer stands until Léa chooses.
            assertThat(web.response("quimper").at("/projects/0/status").asText()).isEqualTo("DONE");

            lea.button("Garder ma réponse").click();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(web.response("quimper").at("/projects/0/status")
                    .asText()).isEqualTo("IN_PROGRESS"));
            lea.waitFor("#projects-education .save-status", "Enregistré à");
        }
    }

    @Test
    void anAdminKeysInAPaperFormOnTheCollectivitesBehalfWithItsReasonAndDate() throws Exception {
        web.collectivite("landerneau", "Landerneau");
        try (Browser admin = browser()) {
            admin.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            admin.field("Identifiant de la collectivité").sendKeys("landerneau");
            new Select(admin.field("Campagne")).selectByValue(CAMPAIGN);
            admin.button("Ouvrir le questionnaire").click();
            admin.waitFor("h2", "Saisie pour le compte de la collectivité");
            admin.button("Commencer la saisie").click();
            // Without a reason and a date nothing begins, and the page says which field is missing.
            assertThat(admin.waitFor("main", "Indiquez le motif de la saisie."))
                    .contains("Indiquez la date du formulaire papier");
            admin.field("Motif de la saisie").sendKeys("Formulaire papier reçu par courrier, cœur de l’agglomération");
            admin.field("Date du formulaire papier").sendKeys("12/03/2026");
            admin.button("Commencer la saisie").click();
            assertThat(admin.waitFor(".banner.proxy", "Saisie pour le compte de"))
                    .contains("Formulaire papier reçu par courrier, cœur de l’agglomération").contains("12 mars 2026");
            admin.button("Commencer le questionnaire").click();
            admin.link("Remplir le questionnaire").click();
            admin.click("Élu");
            admin.click("Non");
            admin.waitFor("#profile .save-status", "Enregistré à");
            admin.screenshot("questionnaire-proxy");
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(web.response("landerneau").get("profile")).isNotNull());
        List<JsonNode> changes = new ArrayList<>();
        web.history("landerneau").get("items").forEach(changes::add);
        assertThat(changes).isNotEmpty().allSatisfy(change -> {
            assertThat(change.get("userId").asText()).isEqualTo(web.adminId);
            assertThat(change.get("onBehalfOf").asText()).isEqualTo("landerneau");
            assertThat(change.get("reason").asText()).isEqualTo("Formulaire papier reçu par courrier, cœur de l’agglomération");
            assertThat(change.get("effectiveAt").asText()).startsWith("2026-03-12T");
        });
    }

    @Test
    void anAdminCreatesARespondentsAccountWhoThenSignsIn() throws Exception {
        web.collectivite("auray", "Auray");
        try (Browser admin = browser()) {
            admin.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            admin.link("Comptes : les voir, en créer (répondant, analyste, administrateur)").click();
            admin.field("Identifiant").sendKeys("claire.auray");
            admin.field("Mot de passe").sendKeys("court");
            admin.field("Collectivité (identifiant, pour un répondant)").sendKeys("auray");
            admin.button("Créer le compte").click();
            // Refused by command-service and said by the field; what was typed stays (the password excepted).
            assertThat(admin.waitFor(".error-summary", "Le compte n’a pas été créé")).contains("Mot de passe");
            assertThat(admin.field("Identifiant").getAttribute("value")).isEqualTo("claire.auray");
            admin.field("Mot de passe").sendKeys("un-mot-de-passe-assez-long");
            admin.button("Créer le compte").click();
            admin.waitFor("main", "Compte créé : claire.auray");

            // Beside the form, the list: filtered by collectivité, then by role, the filters kept in the URL.
            admin.field("Filtrer par collectivité (identifiant)").sendKeys("auray");
            admin.button("Filtrer la liste").click();
            admin.waitFor("#accounts-caption", "Comptes trouvés : 1 ");
            assertThat(admin.path()).contains("collectivite=auray");
            assertThat(admin.waitFor("#accounts-list tbody", "claire.auray")).contains("Répondant").contains("auray");
            assertThat(admin.accessibilityProblems()).isEmpty();
            admin.field("Filtrer par collectivité (identifiant)").clear();
            admin.select("Filtrer par rôle", "Administrateur");
            admin.button("Filtrer la liste").click();
            String admins = admin.waitFor("#accounts-list tbody", WebStack.ADMIN);
            assertThat(admins).doesNotContain("claire.auray").doesNotContain("Répondant");
            assertThat(admin.path()).contains("role=ADMIN");
        }
        try (Browser claire = browser()) {
            claire.go("/").signIn("claire.auray", "un-mot-de-passe-assez-long");
            assertThat(claire.waitFor("main", "Questionnaires de votre collectivité")).contains("auray");
        }
    }

    @Test
    void anAdminDisablesAnAccountWithAReasonAndItsPersonCanNoLongerSignIn() throws Exception {
        web.collectivite("plouay", "Plouay", "paul.plouay");
        try (Browser admin = browser()) {
            admin.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            admin.go("/admin/accounts?collectivite=plouay");
            assertThat(admin.waitFor("#accounts-list tbody", "paul.plouay")).contains("Actif");
            admin.link("Désactiver paul.plouay").click();
            admin.waitFor("h1", "Désactiver le compte paul.plouay");
            // The page's address names the account by its person's id: a proxy's log keeps no username.
            assertThat(admin.path()).startsWith("/admin/accounts/").doesNotContain("paul.plouay");
            // Without a reason nothing changes, and the page says so by the field.
            admin.button("Désactiver le compte").click();
            assertThat(admin.waitFor(".error-summary", "Le compte n’a pas changé")).isNotEmpty();
            admin.field("Motif").sendKeys("A quitté la mairie");
            admin.button("Désactiver le compte").click();
            assertThat(admin.waitFor("#account-notice", "Compte désactivé : paul.plouay")).isNotEmpty();
            admin.go("/admin/accounts?collectivite=plouay");
            assertThat(admin.waitFor("#accounts-list tbody", "paul.plouay")).contains("Désactivé");
            assertThat(admin.accessibilityProblems()).isEmpty();
        }
        try (Browser paul = browser()) {
            paul.go("/").signIn("paul.plouay", WebStack.password("paul.plouay"));
            assertThat(paul.waitFor("#login-message", "Identifiant ou mot de passe incorrect.")).isNotEmpty();
        }
        try (Browser admin = browser()) {
            admin.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            admin.go("/admin/accounts?collectivite=plouay");
            admin.link("Réactiver paul.plouay").click();
            admin.field("Motif").sendKeys("De retour");
            admin.button("Réactiver le compte").click();
            assertThat(admin.waitFor("#account-notice", "Compte réactivé : paul.plouay")).isNotEmpty();
        }
        try (Browser paul = browser()) {
            paul.go("/").signIn("paul.plouay", WebStack.password("paul.plouay"));
            assertThat(paul.waitFor("main", "Questionnaires de votre collectivité")).contains("plouay");
        }
    }

    @Test
    void aRespondentChangesTheirPasswordAndSignsInWithTheNewOne() throws Exception {
        web.collectivite("guingamp", "Guingamp", "rose.guingamp");
        try (Browser b = signedIn("rose.guingamp")) {
            b.link("Mon mot de passe").click();
            b.fieldNamed("Mot de passe actuel").sendKeys(WebStack.password("rose.guingamp"));
            b.fieldNamed("Nouveau mot de passe").sendKeys("un-nouveau-mot-de-passe");
            b.fieldNamed("Nouveau mot de passe, une seconde fois").sendKeys("un-autre-mot-de-passe");
            b.button("Changer le mot de passe").click();
            assertThat(b.waitFor(".error-summary", "Le mot de passe n’a pas changé")).contains("diffèrent");
            assertThat(b.accessibilityProblems()).isEmpty();
            b.fieldNamed("Mot de passe actuel").sendKeys(WebStack.password("rose.guingamp"));
            b.fieldNamed("Nouveau mot de passe").sendKeys("un-nouveau-mot-de-passe");
            b.fieldNamed("Nouveau mot de passe, une seconde fois").sendKeys("un-nouveau-mot-de-passe");
            b.button("Changer le mot de passe").click();
            // Every token of the account is refused now: signed out here, asked for the new password.
            assertThat(b.waitFor("#login-message", "Mot de passe changé")).isNotEmpty();
            b.signIn("rose.guingamp", WebStack.password("rose.guingamp"));
            assertThat(b.waitFor("#login-message", "Identifiant ou mot de passe incorrect.")).isNotEmpty();
            b.go("/").signIn("rose.guingamp", "un-nouveau-mot-de-passe");
            assertThat(b.waitFor("main", "Questionnaires de votre collectivité")).contains("guingamp");
        }
    }

    @Test
    void aRespondentCannotOpenAnotherCollectivitesPages() throws Exception {
        web.collectivite("sene", "Séné", "marc.vannes");
        web.collectivite("lannion", "Lannion", "sara.lannion");
        try (Browser other = started("sara.lannion")) {
            answerProfile(other, "Élu", "Oui");
        }
        try (Browser b = signedIn("marc.vannes")) {
            for (String part : List.of("", "profile", "projects", "history", "submit")) {
                b.go(page("lannion", part));
                assertThat(b.heading()).isEqualTo("Accès refusé");
                assertThat(b.text()).doesNotContain("Lannion").doesNotContain("Élu");
            }
        }
    }

    @Test
    void anExpiredSessionAsksToSignInAgainAndComesBackToThePage() throws Exception {
        web.collectivite("lorient-agglo", "Lorient Agglomération", "eva.lorient");
        try (Browser b = started("eva.lorient")) {
            b.go(page("lorient-agglo", "projects"));
            assertThat(web.expireSessionsOf(web.personId("eva.lorient"))).isPositive();
            b.go(page("lorient-agglo", "motivations"));
            assertThat(b.waitFor("#login-message", "Votre session a expiré")).contains("30 minutes");
            b.signIn("eva.lorient", WebStack.password("eva.lorient"));
            b.waitFor("h1", "Motivations");
            assertThat(b.path()).isEqualTo(page("lorient-agglo", "motivations"));
        }
    }

    @Test
    void afterTheClosingABannerSaysAnswersAreStillKeptAndCountedLate() throws Exception {
        web.collectivite("guingamp", "Guingamp", "lou.guingamp");
        String closed = "/campaigns/" + WebStack.CLOSED_CAMPAIGN + "/responses/guingamp";
        try (Browser b = signedIn("lou.guingamp")) {
            assertThat(b.text()).contains("La date de clôture est passée");
            b.go(closed);
            b.button("Commencer le questionnaire").click();
            b.waitFor("main", "parties sur 5 remplies");
            b.go(closed + "/profile");
            assertThat(b.waitFor(".banner.late", "La campagne est close depuis le 31 janvier 2026"))
                    .contains("toujours acceptées et conservées").contains("tardives");
            b.click("Élu");
            b.click("Non");
            b.waitFor("#profile .save-status", "Enregistré à");
        }
        List<String> timeliness = new ArrayList<>();
        web.history(WebStack.CLOSED_CAMPAIGN, "guingamp").get("items")
                .forEach(i -> timeliness.add(i.get("timeliness").asText()));
        assertThat(timeliness).isNotEmpty().containsOnly("LATE_SUBMISSION");
    }

    @Test
    void aWrongPasswordIsSaidPlainlyAndSignsNobodyIn() throws Exception {
        web.collectivite("morlaix", "Morlaix", "jean.morlaix");
        try (Browser b = browser()) {
            b.go("/").signIn("jean.morlaix", "not-the-password");
            assertThat(b.waitFor("#login-message", "Identifiant ou mot de passe incorrect.")).isNotEmpty();
            b.go("/");
            assertThat(b.heading()).isEqualTo("Connexion");
        }
    }

    @Test
    void afterFiveWrongPasswordsThePageSaysToWaitRatherThanWrongAgain() throws Exception {
        web.collectivite("landerneau", "Landerneau", "lea.landerneau");
        try (Browser b = browser()) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                b.go("/").signIn("lea.landerneau", "not-the-password-" + attempt);
                b.waitFor("#login-message", "Identifiant ou mot de passe incorrect.");
            }
            // Even the right password now waits: command-service answers 429 for this username for 15 minutes.
            b.go("/").signIn("lea.landerneau", WebStack.password("lea.landerneau"));
            assertThat(b.waitFor("#login-message", "Trop de tentatives")).contains("réessayez dans 15 minutes");
            assertThat(b.accessibilityProblems()).isEmpty();
        }
    }

    @Test
    void aSectionIsCompletedWithTheKeyboardAlone() throws Exception {
        web.collectivite("saint-brieuc", "Saint-Brieuc", "kim.stbrieuc");
        try (Browser b = browser()) {
            b.go("/");
            // The sign-in form takes the focus; Tab and Enter do the rest.
            b.press("kim.stbrieuc");
            b.press(Keys.TAB);
            b.press(WebStack.password("kim.stbrieuc"));
            b.press(Keys.ENTER);
            b.waitFor("h1", "Mes questionnaires");
            assertThat(b.tabTo(e -> e.getText().equals("Aller au contenu"), "the skip link").getText())
                    .isEqualTo("Aller au contenu");
            b.tabTo(e -> e.getText().startsWith("Commencer le questionnaire"), "the questionnaire's link");
            b.press(Keys.ENTER);
            b.tabTo(e -> e.getTagName().equals("button") && e.getText().equals("Commencer le questionnaire"), "start");
            b.press(Keys.ENTER);
            b.waitFor("main", "parties sur 5 remplies");
            b.tabTo(e -> e.getText().equals("Remplir le questionnaire"), "the first part");
            b.press(Keys.ENTER);
            b.waitFor("h1", "Profil du répondant");
            b.tabTo(e -> "radio".equals(e.getAttribute("type")) && "role".equals(e.getAttribute("name")), "the role");
            b.press(Keys.ARROW_DOWN);
            b.waitFor("#profile", "Réponse requise");
            b.tabTo(e -> "radio".equals(e.getAttribute("type")) && "worksInDigital".equals(e.getAttribute("name")),
                    "works in digital");
            b.press(Keys.SPACE);
            b.waitFor("#profile .save-status", "Enregistré à");
            b.tabTo(e -> "organisation".equals(e.getAttribute("name")), "the organisation");
            b.press("Mairie");
            b.press(Keys.ENTER);
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode profile = web.response("saint-brieuc").get("profile");
                assertThat(profile.get("role").asText()).isEqualTo("ADMIN_STAFF");
                assertThat(profile.get("worksInDigital").asBoolean()).isTrue();
                assertThat(profile.get("organisation").asText()).isEqualTo("Mairie");
            });
        }
    }

    @Test
    void withoutJavaScriptEachSectionIsAPlainFormWithItsSaveButton() throws Exception {
        web.collectivite("concarneau", "Concarneau", "noe.concarneau");
        try (Browser b = new Browser(web.web(), false)) {
            b.go("/").signIn("noe.concarneau", WebStack.password("noe.concarneau"));
            b.link("Commencer le questionnaire").click();
            b.button("Commencer le questionnaire").click();
            b.link("Remplir le questionnaire").click();
            b.click("Élu");
            b.button("Enregistrer").click();
            // Refused by the service (works in digital is missing): said by the field, nothing typed lost.
            assertThat(b.waitFor("#profile", "Réponse requise")).contains("Certaines réponses n’ont pas été enregistrées");
            assertThat(b.field("Élu").isSelected()).isTrue();
            b.click("Non");
            b.button("Enregistrer").click();
            b.waitFor("#profile .save-status", "Enregistré à");
            b.go(page("concarneau", "profile"));
            assertThat(b.field("Élu").isSelected()).isTrue();
            assertThat(b.field("Non").isSelected()).isTrue();
        }
    }

    @Test
    void everyPageHasNoSeriousOrCriticalAccessibilityProblem() throws Exception {
        web.collectivite("lanester", "Lanester", "ines.lanester");
        web.collectivite("hennebont", "Hennebont");
        List<String> problems = new ArrayList<>();
        try (Browser b = browser()) {
            b.go("/login");
            problems.addAll(b.accessibilityProblems());
            b.signIn("ines.lanester", WebStack.password("ines.lanester"));
            b.waitFor("h1", "Mes questionnaires");
            problems.addAll(b.accessibilityProblems());
            b.screenshot("home");
            b.link("Commencer le questionnaire").click();
            problems.addAll(b.accessibilityProblems());
            b.button("Commencer le questionnaire").click();
            b.waitFor("main", "parties sur 5 remplies");
            problems.addAll(b.accessibilityProblems());
            b.link("Remplir le questionnaire").click();
            b.click("Élu");
            b.waitFor("#profile", "Réponse requise");
            problems.addAll(b.accessibilityProblems());
            b.go(page("lanester", "projects"));
            b.click("Wifi dans les salles de cours");
            b.waitFor("#projects-education .save-status", "Enregistré à");
            problems.addAll(b.accessibilityProblems());
            for (String part : List.of("governance", "motivations", "actors", "submit", "history")) {
                b.go(page("lanester", part));
                problems.addAll(b.accessibilityProblems());
            }
            b.go(page("hennebont", ""));
            assertThat(b.heading()).isEqualTo("Accès refusé");
            problems.addAll(b.accessibilityProblems());
        }
        try (Browser admin = browser()) {
            admin.go("/").signIn(WebStack.ADMIN, WebStack.ADMIN_PASSWORD);
            admin.waitFor("h1", "Mes questionnaires");
            problems.addAll(admin.accessibilityProblems());
            admin.go("/admin/accounts");
            admin.button("Créer le compte").click();
            admin.waitFor(".error-summary", "Le compte n’a pas été créé");
            problems.addAll(admin.accessibilityProblems());
            admin.go(page("hennebont", ""));
            problems.addAll(admin.accessibilityProblems());
        }
        assertThat(problems).isEmpty();
    }
}
