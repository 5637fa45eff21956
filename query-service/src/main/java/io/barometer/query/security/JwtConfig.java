package io.barometer.query.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import io.barometer.support.security.JwtSecurity;

/** Verifies the HMAC-SHA256 JWTs that command-service issues, with the key both share (BAROMETER_JWT_SECRET). */
@Configuration
public class JwtConfig {

    @Bean
    public JwtDecoder jwtDecoder(@Value("${barometer.jwt.secret}") String secret) {
        return JwtSecurity.hmacDecoder(JwtSecurity.hmacKey(secret, "the same as command-service's"));
    }
}
