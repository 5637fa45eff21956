package io.barometer.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

class RememberedJwtDecoderTest {

    static final SecretKey KEY = JwtSecurity.hmacKey("a-test-secret-of-at-least-thirty-two-bytes", "test");

    static String token(String subject, Instant issuedAt, Duration ttl) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).claim("role", "ADMIN")
                .issuedAt(issuedAt).expiresAt(issuedAt.plus(ttl)).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(KEY))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    /** The real verifier, counting how often it is asked. */
    static final class Counting implements JwtDecoder {
        final JwtDecoder real = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Jwt decode(String token) {
            calls.incrementAndGet();
            return real.decode(token);
        }
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgain() {
        Counting verifier = new Counting();
        JwtDecoder decoder = new RememberedJwtDecoder(verifier, 100, Duration.ofMinutes(15));
        String token = token("alice", Instant.now(), Duration.ofHours(1));

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second.getSubject()).isEqualTo("alice");
        assertThat(second).isSameAs(first);
        assertThat(verifier.calls).hasValue(1);
    }

    @Test
    void aTamperedTokenIsRefusedEvenWhenTheGenuineOneIsRemembered() {
        Counting verifier = new Counting();
        JwtDecoder decoder = new RememberedJwtDecoder(verifier, 100, Duration.ofMinutes(15));
        String token = token("alice", Instant.now(), Duration.ofHours(1));
        decoder.decode(token);

        String[] parts = token.split("\\.");
        String otherPayload = token("mallory", Instant.now(), Duration.ofHours(1)).split("\\.")[1];
        String tampered = parts[0] + "." + otherPayload + "." + parts[2];

        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(verifier.calls).as("a refused token is verified again each time, never remembered").hasValue(3);
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() {
        Instant issued = Instant.parse("2026-03-01T10:00:00Z");
        Instant expires = issued.plus(Duration.ofMinutes(5));
        MutableClock clock = new MutableClock(issued);
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean refuse = new AtomicBoolean();
        JwtDecoder verifier = token -> {
            calls.incrementAndGet();
            if (refuse.get()) {
                throw new BadJwtException("expired");
            }
            return Jwt.withTokenValue(token).header("alg", "HS256").subject("alice").issuedAt(issued)
                    .expiresAt(expires).build();
        };
        JwtDecoder decoder = new RememberedJwtDecoder(verifier, 100, Duration.ofHours(2), clock);
        decoder.decode("t");

        clock.now = expires.plusSeconds(59);
        assertThat(decoder.decode("t").getSubject()).as("within the full check's 60 s clock skew").isEqualTo("alice");
        assertThat(calls).hasValue(1);

        clock.now = expires.plusSeconds(61);
        refuse.set(true);
        assertThatThrownBy(() -> decoder.decode("t")).isInstanceOf(BadJwtException.class);
        assertThat(calls).as("past its expiry the token went back to the full check").hasValue(2);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
