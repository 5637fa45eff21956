package io.barometer.support.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security both services share: stateless requests authenticated by the HS256 JWTs command-service
 * issues, the role read from one claim, and refusals answered as problem+json like every other error.
 * Each service adds its own route rules.
 */
public final class JwtSecurity {

    private JwtSecurity() {
    }

    /** The shared HMAC key; refuses to start on a missing or short secret. */
    public static SecretKey hmacKey(String secret, String hint) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("BAROMETER_JWT_SECRET must be set to at least 32 bytes, " + hint);
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** Verifies HS256 tokens signed with {@code key}, remembering those it has verified (RememberedJwtDecoder). */
    public static JwtDecoder hmacDecoder(SecretKey key) {
        return new RememberedJwtDecoder(NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build(),
                10_000, Duration.ofMinutes(15));
    }

    /**
     * Spring Security's strict firewall, with its default header rule (every character assigned and no control
     * character) checked character by character: its regular expression ran on every header read, several
     * times per request, and showed as a twentieth of a write's CPU. Header values may also hold the C1 range
     * (U+0080–U+009F): the servlet reads header bytes as ISO-8859-1, so a reason sent as UTF-8 ("cœur",
     * "l’envoi") arrives with its continuation bytes there, and was refused with a 500 before the service could
     * read it back as UTF-8.
     */
    public static HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(JwtSecurity::assignedWithoutControl);
        firewall.setAllowedHeaderValues(JwtSecurity::headerValueAllowed);
        return firewall;
    }

    /** As {@link #assignedWithoutControl}, but the bytes 0x80–0x9F of UTF-8 text read as ISO-8859-1 pass. */
    static boolean headerValueAllowed(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            boolean utf8Byte = c >= 0x80 && c <= 0x9f;
            if (!utf8Byte && (Character.isISOControl(c) || !Character.isDefined(c))) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    static boolean assignedWithoutControl(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.isISOControl(c) || !Character.isDefined(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * Stateless, no CSRF (no cookies), JWT bearer tokens whose {@code roleClaim} gives ROLE_…, problem+json refusals.
     * A token of a disabled account or of a revoked generation is refused as an invalid one (401), checked on
     * every request: a verified token is remembered, its account's standing is not.
     */
    public static HttpSecurity statelessJwt(HttpSecurity http, ObjectMapper json, String roleClaim,
                                            RevokedTokens revoked) throws Exception {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(jwt ->
                List.of(new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString(roleClaim))));
        Converter<Jwt, AbstractAuthenticationToken> converter = jwt -> {
            if (revoked.refuses(jwt)) {
                throw new InvalidBearerTokenException("This token's account is disabled or its tokens were revoked");
            }
            return roles.convert(jwt);
        };
        // No sessions: nothing to log out of, no request to save for after a login.
        return http.csrf(c -> c.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((req, res, e) -> unauthorized(res, json))
                        .accessDeniedHandler((req, res, e) -> forbidden(res, json)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> unauthorized(res, json))
                        .accessDeniedHandler((req, res, ex) -> forbidden(res, json)));
    }

    private static void unauthorized(HttpServletResponse res, ObjectMapper json) throws IOException {
        problem(res, json, HttpStatus.UNAUTHORIZED, "A valid bearer token is required");
    }

    private static void forbidden(HttpServletResponse res, ObjectMapper json) throws IOException {
        problem(res, json, HttpStatus.FORBIDDEN, "Your role may not do this");
    }

    private static void problem(HttpServletResponse res, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(status.getReasonPhrase());
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), body);
    }
}
