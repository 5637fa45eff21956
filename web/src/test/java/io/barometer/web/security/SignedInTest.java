package io.barometer.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class SignedInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A person id as command-service's tokens carry it in {@code sub}. */
    private static final String MARIE = "3f2a9c1b-7d4e-4c2a-9b1f-0e6d5c4b3a29";

    /** A token shaped as command-service issues them; the signature is not ours to check. */
    private static String token(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void aRespondentOpensOnlyItsOwnCollectivite() {
        SignedIn vannes = new SignedIn(MARIE, SignedIn.RESPONDENT, "vannes", "t");

        assertThat(vannes.mayOpen("vannes")).isTrue();
        assertThat(vannes.mayOpen("caen-la-mer")).isFalse();
    }

    @Test
    void aRespondentWithoutCollectiviteOpensNone() {
        assertThat(new SignedIn(MARIE, SignedIn.RESPONDENT, null, "t").mayOpen("vannes")).isFalse();
    }

    @Test
    void analystsAndAdminsOpenEveryCollectivite() {
        assertThat(new SignedIn("ana", SignedIn.ANALYST, null, "t").mayOpen("vannes")).isTrue();
        assertThat(new SignedIn("root", SignedIn.ADMIN, null, "t").mayOpen("caen-la-mer")).isTrue();
    }

    @Test
    void theTokensClaimsNameThePersonByIdWithTheirRoleAndCollectivite() {
        String token = token("{\"sub\":\"" + MARIE + "\",\"role\":\"RESPONDENT\",\"collectivite\":\"vannes\"}");

        SignedIn me = SignedIn.fromToken(token, JSON);

        assertThat(me).isEqualTo(new SignedIn(MARIE, SignedIn.RESPONDENT, "vannes", token));
        assertThat(me.getName()).isEqualTo(MARIE);
        assertThat(me.respondent()).isTrue();
        assertThat(me.admin()).isFalse();
        assertThat(me.caller().token()).isEqualTo(token);
        assertThat(me.caller().proxy()).isNull();
    }

    @Test
    void aTokenWithoutCollectiviteGivesNone() {
        SignedIn admin = SignedIn.fromToken(token("{\"sub\":\"root\",\"role\":\"ADMIN\",\"collectivite\":null}"), JSON);

        assertThat(admin.collectivite()).isNull();
        assertThat(admin.admin()).isTrue();
    }

    @Test
    void aTokenThatIsNoJwtIsRefused() {
        assertThatThrownBy(() -> SignedIn.fromToken("not-a-token", JSON)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTokenStaysOutOfThePrintedPrincipal() {
        SignedIn me = new SignedIn(MARIE, SignedIn.RESPONDENT, "vannes", "secret-token");

        assertThat(me.toString()).isEqualTo("SignedIn[" + MARIE + ", RESPONDENT]").doesNotContain("secret-token");
    }
}
