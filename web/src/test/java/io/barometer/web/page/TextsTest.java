package io.barometer.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class TextsTest {

    /** 13:02 UTC on 12 March 2014 is 14:02 in Paris (winter time); 13:02 UTC on 12 July is 15:02 (summer time). */
    private static final Instant WINTER = Instant.parse("2014-03-12T13:02:00Z");
    private static final Instant SUMMER = Instant.parse("2014-07-12T13:02:00Z");

    private final Texts french = BundledTexts.in(Locale.FRENCH);
    private final Texts english = BundledTexts.in(Locale.ENGLISH);

    @Test
    void anInstantReadsInTheSurveysZoneAndThePersonsLanguage() {
        assertThat(french.when(WINTER)).isEqualTo("12 mars 2014 à 14:02");
        assertThat(french.when(SUMMER)).isEqualTo("12 juillet 2014 à 15:02");
        assertThat(english.when(WINTER)).isEqualTo("12 March 2014, 14:02");
    }

    @Test
    void aDayReadsWithoutItsTime() {
        // 23:30 UTC on 14 March is already the 15th in Paris.
        assertThat(french.day(Instant.parse("2014-03-14T23:30:00Z"))).isEqualTo("15 mars 2014");
        assertThat(english.day(WINTER)).isEqualTo("12 March 2014");
    }

    @Test
    void nothingToShowReadsAsNothing() {
        assertThat(french.when(null)).isEmpty();
        assertThat(french.day(null)).isEmpty();
        assertThat(french.time(null)).isEmpty();
    }

    @Test
    void aTimeReadsAsHoursAndMinutes() {
        assertThat(french.time(LocalTime.of(9, 5, 59))).isEqualTo("09:05");
    }

    @Test
    void aTextTakesItsArgumentsInEitherLanguage() {
        assertThat(french.get("saved.at", "14:02")).isEqualTo("Enregistré à 14:02");
        assertThat(english.get("saved.at", "14:02")).isEqualTo("Saved at 14:02");
    }

    @Test
    void aMissingKeyReadsAsItselfOrAsTheFallbackGiven() {
        assertThat(french.get("no.such.key")).isEqualTo("no.such.key");
        assertThat(french.orElse("field.no_such_field", "Libellé du questionnaire")).isEqualTo("Libellé du questionnaire");
        assertThat(french.orElse("field.role", "role")).isEqualTo("Fonction");
    }

    @Test
    void onlyAnEnglishLocaleIsEnglish() {
        assertThat(english.english()).isTrue();
        assertThat(BundledTexts.in(Locale.UK).english()).isTrue();
        assertThat(french.english()).isFalse();
    }

    @Test
    void aPersonReadsByTheNameQueryServiceGaveAndAnErasedOneByTheStartOfTheirId() {
        String id = "3f2a9c1b-7d4e-4c2a-9b1f-0e6d5c4b3a29";

        assertThat(french.person("Marie Le Goff", id)).isEqualTo("Marie Le Goff");
        assertThat(french.person("personne effacée", id)).isEqualTo("personne effacée (3f2a9c1b)");
        assertThat(english.person("personne effacée", id)).isEqualTo("erased person (3f2a9c1b)");
    }

    @Test
    void aPersonNoOneBearsReadsAsTheirIdAndNoPersonAsADash() {
        assertThat(french.person(null, "bvn-team")).isEqualTo("bvn-team");
        assertThat(french.person(null, null)).isEqualTo("—");
    }
}
