package io.barometer.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class SignedInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A token shaped as command-service issues them; the signature is not ours to check. */
    private static String token(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void aRespondentOpensOnlyItsOwnCollectivite() {
        SignedIn vannes = new SignedIn("marie", SignedIn.RESPONDENT, "vannes", "t");

        assertThat(vannes.mayOpen("vannes")).isTrue();
        assertThat(vannes.mayOpen("caen-la-mer")).isFalse();
    }

    @Test
    void aRespondentWithoutCollectiviteOpensNone() {
        assertThat(new SignedIn("marie", SignedIn.RESPONDENT, null, "t").mayOpen("vannes")).isFalse();
    }

    @Test
    void analystsAndAdminsOpenEveryCollectivite() {
        assertThat(new SignedIn("ana", SignedIn.ANALYST, null, "t").mayOpen("vannes")).isTrue();
        assertThat(new SignedIn("root", SignedIn.ADMIN, null, "t").mayOpen("caen-la-mer")).isTrue();
    }

    @Test
    void theTokensClaimsNameThePersonTheirRoleAndCollectivite() {
        String token = token("{\"sub\":\"marie\",\"role\":\"RESPONDENT\",\"collectivite\":\"vannes\"}");

        SignedIn me = SignedIn.fromToken(token, JSON);

        assertThat(me).isEqualTo(new SignedIn("marie", SignedIn.RESPONDENT, "vannes", token));
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
        SignedIn me = new SignedIn("marie", SignedIn.RESPONDENT, "vannes", "secret-token");

        assertThat(me.toString()).isEqualTo("SignedIn[marie, RESPONDENT]").doesNotContain("secret-token");
    }
}
