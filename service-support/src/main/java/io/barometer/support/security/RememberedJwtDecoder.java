package io.barometer.support.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A client sends the same bearer token with every request, and parsing it, checking its HMAC and
 * converting its claims took a tenth of a write's CPU. A token that verified once is remembered by its
 * exact text (signature included, so no other text can hit it) and only its validity window is checked
 * again, with the same clock skew as the full check; a token that fails is never remembered.
 */
public final class RememberedJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> stillValid;
    private final Cache<String, Jwt> verified;

    public RememberedJwtDecoder(JwtDecoder verifier, long maximumTokens, Duration rememberedFor) {
        this(verifier, maximumTokens, rememberedFor, Clock.systemUTC());
    }

    RememberedJwtDecoder(JwtDecoder verifier, long maximumTokens, Duration rememberedFor, Clock clock) {
        this.verifier = verifier;
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        this.stillValid = timestamps;
        this.verified = Caffeine.newBuilder().maximumSize(maximumTokens).expireAfterWrite(rememberedFor).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && !stillValid.validate(known).hasErrors()) {
            return known;
        }
        // An expired entry is simply replaced, or left to age out if the full check refuses the token.
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
