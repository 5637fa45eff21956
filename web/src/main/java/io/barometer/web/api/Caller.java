package io.barometer.web.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * Who calls the services and how: the person's token, and for an admin's entry on a collectivité's behalf,
 * what every write carries (X-On-Behalf-Of, X-Change-Reason, X-Effective-At).
 */
public record Caller(String token, Proxy proxy) {

    /** An admin keying in a paper form: for which collectivité, why, and the date the form bears. */
    public record Proxy(String collectivite, String reason, Instant effectiveAt) implements Serializable {
    }

    public static Caller of(String token) {
        return new Caller(token, null);
    }
}
