package io.barometer.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a person may be sent back to after signing in: a path of this site, never another site. */
class SecurityConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/campaigns/x", "/campaigns/bvn-2014/responses/vannes/projects?v=12",
            "/logout-help"})
    void aPathOfThisSiteIsKept(String path) {
        assertThat(SecurityConfig.safePath(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            // Another site, by scheme or protocol-relative.
            "https://evil.example", "//evil.example", "//evil.example/campaigns/x",
            // Browsers read a backslash as a slash: "/\evil" is "//evil".
            "/\\evil.example", "\\/evil.example", "/campaigns\\..\\x",
            // Not a path at all.
            "campaigns/x", "javascript:alert(1)",
            // Back to the sign-in page would loop.
            "/login", "/login?error", "/login...", "/login/../campaigns/x"})
    void anythingElseIsRefused(String path) {
        assertThat(SecurityConfig.safePath(path)).isNull();
    }
}
