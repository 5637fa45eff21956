package io.barometer.support.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

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

    /** Stateless, no CSRF (no cookies), JWT bearer tokens whose {@code roleClaim} gives ROLE_…, problem+json refusals. */
    public static HttpSecurity statelessJwt(HttpSecurity http, ObjectMapper json, String roleClaim) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt ->
                List.of(new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString(roleClaim))));
        return http.csrf(c -> c.disable())
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
