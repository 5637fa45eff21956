package io.barometer.command.security;

import javax.crypto.SecretKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import io.barometer.support.security.JwtSecurity;

/** HMAC-SHA256 JWTs with the key both services share (BAROMETER_JWT_SECRET). */
@Configuration
public class JwtConfig {

    private final SecretKey key;

    public JwtConfig(@Value("${barometer.jwt.secret}") String secret) {
        this.key = JwtSecurity.hmacKey(secret, "the run command generates one");
    }

    @Bean
    public JwtDecoder jwtDecoder() {
        return JwtSecurity.hmacDecoder(key);
    }

    @Bean
    public JwtEncoder jwtEncoder() {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }
}
