package io.barometer.command.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.support.openapi.Refusals;
import io.barometer.support.security.CurrentUser;
import io.barometer.support.security.RevokedTokens;
import io.barometer.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Exchanges a username and password for a signed JWT, which names its person by id only (no name in a token). */
@RestController
@Tag(name = "accounts")
public class TokenController {

    @Schema(example = """
            {"username": "vannes.dsi-1", "password": "a-long-enough-password"}""")
    public record TokenRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {
    }

    public record TokenResponse(String token, Instant expiresAt) {
    }

    private final AccountRepository accounts;
    private final SignInThrottle throttle;
    private final PasswordEncoder passwords;
    private final JwtEncoder encoder;
    private final Duration ttl;
    /** Compared against when the username is unknown, so that timing does not reveal which usernames exist. */
    private final String dummyHash;

    public TokenController(AccountRepository accounts, SignInThrottle throttle,
                           PasswordEncoder passwords, JwtEncoder encoder, @Value("${barometer.jwt.ttl}") Duration ttl) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.passwords = passwords;
        this.encoder = encoder;
        this.ttl = ttl;
        this.dummyHash = passwords.encode("not-a-password-of-anyone");
    }

    @PostMapping("/api/auth/token")
    @SecurityRequirements
    @Operation(operationId = "issueToken", summary = "Sign in: get a bearer token", description = """
            Public. Exchanges a username and password for a JWT to send as `Authorization: Bearer <token>` to both \
            services until `expiresAt`. An unknown username, a wrong password and a disabled account get the same 401; \
            after 5 failures for one username within 15 minutes, 429 with `Retry-After` (seconds) until the oldest \
            leaves that window.""")
    @Refusals({400, 401, 413, 415, 429})
    public TokenResponse token(@Valid @RequestBody TokenRequest request) {
        throttle.retryAfter(request.username()).ifPresent(wait -> {
            throw SignInThrottle.tooMany(wait);
        });
        var account = accounts.find(request.username());
        boolean ok = passwords.matches(request.password(), account.map(Account::passwordHash).orElse(dummyHash));
        // A disabled account is refused in the same words as a wrong password: the answer names no account.
        if (account.isEmpty() || !ok || !account.get().enabled()) {
            throttle.failed(request.username());
            throw ApiException.unauthorized("Unknown username or wrong password");
        }
        throttle.succeeded(request.username());
        Account a = account.get();
        Instant now = Instant.now();
        Instant expiresAt = now.plus(ttl);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("barometer")
                .subject(a.personId().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(CurrentUser.ROLE_CLAIM, a.role().name())
                .claim(RevokedTokens.GENERATION_CLAIM, a.tokenGeneration());
        if (a.collectiviteId() != null) {
            claims.claim(CurrentUser.COLLECTIVITE_CLAIM, a.collectiviteId());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return new TokenResponse(token, expiresAt);
    }
}
