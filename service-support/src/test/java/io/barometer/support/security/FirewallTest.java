package io.barometer.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

import jakarta.servlet.http.HttpServletRequest;

class FirewallTest {

    /** StrictHttpFirewall's own default rule for header names and values, as a regular expression. */
    static final Pattern SPRING_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void theHeaderRuleAgreesWithSpringsDefaultOnRandomText() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int[] interesting = {0, 0x09, 0x0a, 0x1f, 0x20, 0x41, 0x7e, 0x7f, 0x85, 0x9f, 0xa0, 0xe9, 0x378, 0x2028,
                0xd800, 0xdc00, 0xfffe, 0xffff, 0x1f600, 0xe0000, 0x10ffff};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                int codePoint = switch (random.nextInt(4)) {
                    case 0 -> interesting[random.nextInt(interesting.length)];
                    case 1 -> 0x20 + random.nextInt(0x5f);
                    case 2 -> random.nextInt(0x10000);
                    default -> random.nextInt(0x110000);
                };
                text.appendCodePoint(codePoint);
            }
            String value = text.toString();
            assertThat(JwtSecurity.assignedWithoutControl(value))
                    .as("seed %d, text %s", seed, value.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(SPRING_DEFAULT.matcher(value).matches());
        }
    }

    @Test
    void aHeaderWithAControlCharacterIsRejected() {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/campaigns/c/responses/x");
        request.addHeader("Authorization", "Bearer abc.def.ghi");
        request.addHeader("X-Note", "line\nbreak");
        request.addHeader("X-Name", "Saint-Étienne");
        HttpServletRequest firewalled = JwtSecurity.firewall().getFirewalledRequest(request);

        assertThat(firewalled.getHeader("Authorization")).isEqualTo("Bearer abc.def.ghi");
        assertThat(firewalled.getHeader("X-Name")).isEqualTo("Saint-Étienne");
        assertThatThrownBy(() -> firewalled.getHeader("X-Note")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void aReasonSentAsUtf8PassesWhereALineBreakDoesNot() {
        // "cœur de l’agglomération" as its UTF-8 bytes, each read as one ISO-8859-1 character by the servlet.
        String utf8ReadAsLatin1 = new String("cœur de l’agglomération".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/campaigns/c/responses/x");
        request.addHeader("X-Change-Reason", utf8ReadAsLatin1);
        request.addHeader("X-Note", "tab\tthen\rreturn");
        HttpServletRequest firewalled = JwtSecurity.firewall().getFirewalledRequest(request);

        assertThat(firewalled.getHeader("X-Change-Reason")).isEqualTo(utf8ReadAsLatin1);
        assertThatThrownBy(() -> firewalled.getHeader("X-Note")).isInstanceOf(RequestRejectedException.class);
        assertThat(JwtSecurity.headerValueAllowed("\u007f")).isFalse();
        assertThat(JwtSecurity.headerValueAllowed("\u0085")).isTrue();
    }
}
