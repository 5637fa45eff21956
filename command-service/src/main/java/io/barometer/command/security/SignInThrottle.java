package io.barometer.command.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Slows down guessing (DESIGN §11): after {@value #FAILURES} failed sign-ins for one username within
 * {@link #WINDOW}, the next ones are refused until the oldest of those failures leaves the window. The failures
 * live in PostgreSQL and are dated by its clock, so that every command-service counts the same ones; an unknown
 * username is counted like a known one, so that the answers never tell which exist. A username is kept only as
 * its SHA-256: the table holds no handle of anyone, and an erasure clears the erased person's failures too.
 */
@Component
public class SignInThrottle {

    static final int FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;

    public SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How long to wait before the next try, when this username has failed too often lately. */
    public Optional<Duration> retryAfter(String username) {
        List<Double> secondsLeft = jdbc.sql("""
                        SELECT EXTRACT(EPOCH FROM failed_at + make_interval(secs => :window) - now())
                        FROM sign_in_failure
                        WHERE username_hash = :username AND failed_at > now() - make_interval(secs => :window)
                        ORDER BY failed_at DESC LIMIT :failures
                        """)
                .param("window", WINDOW.toSeconds()).param("username", hash(username)).param("failures", FAILURES)
                .query(Double.class).list();
        if (secondsLeft.size() < FAILURES) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.max(1, (long) Math.ceil(secondsLeft.get(FAILURES - 1)))));
    }

    /** 429 with Retry-After in whole seconds, as problem+json (ProblemHandler keeps an ErrorResponse's headers). */
    static ErrorResponseException tooMany(Duration wait) {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins for this "
                        + "username; try again in " + wait.toSeconds() + " s"), null);
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()));
        return e;
    }

    public void failed(String username) {
        jdbc.sql("""
                        WITH forgotten AS (
                            DELETE FROM sign_in_failure
                            WHERE username_hash = :username AND failed_at < now() - make_interval(secs => :window))
                        INSERT INTO sign_in_failure (username_hash) VALUES (:username)
                        """)
                .param("username", hash(username)).param("window", WINDOW.toSeconds())
                .update();
    }

    /** A success starts the count again: the person knows the password. */
    public void succeeded(String username) {
        forget(username);
    }

    /** Drops this username's failures (its person was erased, or knows the password). */
    public void forget(String username) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE username_hash = ?").param(hash(username)).update();
    }

    static String hash(String username) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(username.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
