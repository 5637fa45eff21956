package io.barometer.support.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionSystemException;

/**
 * A failure that says the database cannot be reached right now (stopped, restarting, the pool out of
 * connections), as opposed to a fault of the request or of the code. It is answered 503 with Retry-After:
 * nothing was acknowledged, and the same request may succeed in a few seconds, which a 500 does not tell a
 * client or a load balancer. (A write whose commit reached the server just as its connection broke may
 * still be stored: retrying it with its If-Match, or an answer that changes nothing, is then harmless.)
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait: about what an embedded PostgreSQL takes to restart. */
    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /** Whether a cause in the chain is the connection failing (whatever layer wrapped it: Spring, Axon, Hikari). */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return true;
            }
            // The transaction's own commit or rollback failing: seen when a commit is cut by a shutdown and the
            // rollback then meets the connection the pool has closed since. Spring keeps only the rollback's
            // failure, Hikari's "Connection is closed" without a SQLState, so the type is all there is to go by.
            if (t instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Class 08 is a connection exception; 57P01–57P03 are the server shutting down (admin_shutdown,
     * crash_shutdown) or not accepting connections yet (cannot_connect_now, while it starts).
     */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** The problem+json answer, errors named like the services' other problems. */
    public static ResponseEntity<ProblemDetail> answer() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached, so this request was not acknowledged; retry it in a few seconds.");
        body.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        body.setProperty("errors", List.of(Map.of("field", "database", "message", "unavailable")));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS)).body(body);
    }
}
