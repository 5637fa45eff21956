package io.barometer.web.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.barometer.support.questionnaire.Questionnaires;
import io.barometer.web.api.Campaign;
import io.barometer.web.api.ResponseState;
import io.barometer.web.page.BundledTexts;
import io.barometer.web.page.Texts;

class QuestionnaireViewTest {

    private static final Instant CLOSES = Instant.parse("2014-04-30T22:00:00Z");
    private static final Campaign CAMPAIGN = new Campaign("bvn-2014", 2014, "Baromètre 2014",
            Instant.parse("2014-03-01T00:00:00Z"), CLOSES, "bvn-2014", Questionnaires.get("bvn-2014"));
    private static final Texts FRENCH = BundledTexts.in(Locale.FRENCH);

    private static ResponseState state(boolean submitted) {
        return new ResponseState("bvn-2014", "vannes", 4, null, submitted, null, null, CLOSES,
                new ResponseState.Place("Vannes", "COMMUNE", "Bretagne", 53_000), null, List.of(), null, null, null);
    }

    private static QuestionnaireView view(ResponseState state, boolean writable, Map<String, SectionState> sections,
                                          Instant now) {
        return new QuestionnaireView(CAMPAIGN, "vannes", state, sections, 4, writable, null, false, now,
                BundledTexts.PARIS);
    }

    private static QuestionnaireView view() {
        return view(state(false), true, Map.of(), Instant.parse("2014-03-12T13:02:00Z"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" reads \"{2}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            item.city_video_surveillance | on                    | déclaré
            item.city_video_surveillance |                       | non déclaré
            keep.p-cams                  |                       | non déclaré
            status.city_video_surveillance | IN_PROGRESS         | En cours de réalisation
            newStatus                    | DONE                  | Réalisé
            worksInDigital               | true                  | Oui
            worksInDigital               | false                 | Non
            role                         | ELECTED               | Élu
            role                         |                       | Non renseigné
            level.co_construction_city_citizens | AGREE          | Plutôt d'accord
            managementMode               | PPP                   | Partenariat public-privé (PPP)
            decisionMode                 | MULTI_PARTNER         | Décision collective multipartenaire
            coordination                 | DEDICATED_TEAM        | Une équipe dédiée / direction numérique
            rank.EXEMPLARITY             | 2                     | rang 2
            def.ATTRACTIVENESS.for_tourists | 3                  | rang 3
            measure                      | 3                     | 3
            managementMode               | NOT_A_MODE            | NOT_A_MODE
            """)
    void aValueReadsAsItsLabelInThePersonsLanguage(String key, String value, String expected) {
        assertThat(view().describe(key, value == null ? "" : value, FRENCH)).isEqualTo(expected);
    }

    @Test
    void aFieldsIdJoinsSectionAndKeyWithoutDots() {
        assertThat(QuestionnaireView.fieldId("projects-security", "status.city_video_surveillance"))
                .isEqualTo("projects-security__status-city_video_surveillance");
        assertThat(QuestionnaireView.fieldId("motivations", "def.ATTRACTIVENESS.for_tourists"))
                .isEqualTo("motivations__def-ATTRACTIVENESS-for_tourists");
    }

    @Test
    void anErrorIsTiedToItsFieldOnlyWhenTheFieldHasOne() {
        SectionState refused = new SectionState(Map.of("role", ""), Map.of("role", ""), Map.of(),
                Map.of("role", "must not be null"), Map.of(), Map.of());
        QuestionnaireView q = view(state(false), true, Map.of("profile", refused), Instant.EPOCH);

        assertThat(q.errorIdOf("profile", "role")).isEqualTo("profile__role-error");
        assertThat(q.invalid("profile", "role")).isTrue();
        assertThat(q.errorIdOf("profile", "organisation")).isNull();
        assertThat(q.invalid("profile", "organisation")).isFalse();
    }

    @Test
    void thePagesOwnMessagesAreItsTextsAndTheApisAreItsWords() {
        assertThat(QuestionnaireView.message("text:motivations.rankTwice", FRENCH))
                .isEqualTo("Ce rang est déjà donné à une autre réponse.");
        assertThat(QuestionnaireView.message("text:motivations.rankTwice", BundledTexts.in(Locale.ENGLISH)))
                .isEqualTo("This rank is already given to another answer.");
        assertThat(QuestionnaireView.message("must not be null", FRENCH)).isEqualTo("Réponse requise.");
        assertThat(QuestionnaireView.message("must be an integer from 1 to 4", FRENCH))
                .isEqualTo("must be an integer from 1 to 4");
    }

    @Test
    void aResponseIsWritableOnlyOnceStartedAndUntilSubmitted() {
        Instant now = Instant.parse("2014-03-12T13:02:00Z");

        assertThat(view(state(false), true, Map.of(), now).writable()).isTrue();
        assertThat(view(state(true), true, Map.of(), now).writable()).isFalse();
        assertThat(view(null, true, Map.of(), now).writable()).isFalse();
        assertThat(view(state(false), false, Map.of(), now).writable()).isFalse();
    }

    @Test
    void theCampaignIsClosedOnlyAfterItsClosingInstant() {
        assertThat(view(state(false), true, Map.of(), CLOSES).closed()).isFalse();
        assertThat(view(state(false), true, Map.of(), CLOSES.plusSeconds(1)).closed()).isTrue();
    }

    @Test
    void theCollectiviteIsNamedAsRegisteredElseByItsId() {
        assertThat(view().collectiviteName()).isEqualTo("Vannes");
        assertThat(view(null, true, Map.of(), Instant.EPOCH).collectiviteName()).isEqualTo("vannes");
        assertThat(view().base()).isEqualTo("/campaigns/bvn-2014/responses/vannes");
    }

    @Test
    void aSectionJustSavedShowsWhatWasTypedAndTheOthersWhatIsStored() {
        ResponseState stored = new ResponseState("bvn-2014", "vannes", 4, null, false, null, null, null, null,
                new ResponseState.Profile("ELECTED", false, null), List.of(), null, Map.of("priority_to_citizen_interests", "AGREE"),
                null);
        SectionState typed = new SectionState(Map.of("role", "ADMIN_STAFF"), Map.of("role", "ELECTED"),
                Map.of("profile", LocalTime.of(14, 2)), Map.of(), Map.of(), Map.of());
        List<Section> sections = QuestionnaireView.sections(new RecordingServices().target(),
                Questionnaires.get("bvn-2014"), stored);

        Map<String, SectionState> shown = QuestionnaireView.sectionsOf(sections, stored, Map.of("profile", typed));

        assertThat(shown.get("profile")).isSameAs(typed);
        assertThat(shown.get("actors").value("level.priority_to_citizen_interests")).isEqualTo("AGREE");
        assertThat(shown.get("actors").was("level.priority_to_citizen_interests")).isEqualTo("AGREE");
        // Profile, the ten 2014 domains, no project to govern, motivations, actors.
        assertThat(shown).hasSize(13);
        assertThat(shown).containsKeys("projects-security", "motivations");
    }
}
