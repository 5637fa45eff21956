package io.barometer.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The tokens no service may accept any more although they verify and have not expired: those of a disabled
 * account, and those issued before an account's tokens were revoked (its {@code token_generation} raised on a
 * disable or a password change). Each instance of each service reads the few such accounts from PostgreSQL's
 * account table at most {@link #REFRESH} apart, so that a change made through any command-service is refused by
 * every service within that, whatever token it has remembered (RememberedJwtDecoder).
 */
public class RevokedTokens {

    /** The claim that carries the account's token generation a token was issued under. */
    public static final String GENERATION_CLAIM = "gen";
    /** Well inside the 60 s that DESIGN §11 allows, at one small query per instance. */
    public static final Duration REFRESH = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(RevokedTokens.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Map<String, Integer> generations = Map.of();
    private volatile Instant loadedAt = Instant.MIN;

    public RevokedTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean refuses(Jwt jwt) {
        if (Duration.between(loadedAt, clock.instant()).compareTo(REFRESH) >= 0) {
            refresh();
        }
        // A disable raises the generation too, and a disabled account gets no new token: the generation alone
        // refuses its tokens. Not refusing on the enabled flag as well lets a re-enabled account's new tokens
        // through at once, instead of after this instance's next reading.
        Integer current = generations.get(jwt.getSubject());
        Object generation = jwt.getClaim(GENERATION_CLAIM);
        return current != null && (generation instanceof Number n ? n.intValue() : 0) < current;
    }

    /** One request at a time reads the table; the others wait for it rather than pass on a stale answer. */
    private synchronized void refresh() {
        Instant now = clock.instant();
        if (Duration.between(loadedAt, now).compareTo(REFRESH) < 0) {
            return;
        }
        try {
            Map<String, Integer> read = new HashMap<>();
            jdbc.sql("SELECT person_id::text, token_generation FROM account WHERE token_generation > 0")
                    .query(rs -> {
                        read.put(rs.getString(1), rs.getInt(2));
                    });
            generations = Map.copyOf(read);
            loadedAt = now;
        } catch (DataAccessException e) {
            // The database is away: every write and read fails meanwhile anyway. Keep what was known and try
            // again after the same interval, rather than make every request wait on a connection in turn.
            loadedAt = now;
            log.warn("Could not read revoked accounts; keeping the {} known", generations.size(), e);
        }
    }
}
