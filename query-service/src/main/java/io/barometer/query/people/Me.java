package io.barometer.query.people;

import java.time.Instant;

/**
 * What the product keeps about the signed-in person: their record in the person table, their account's role and
 * state, and how many stored changes name them as their author.
 */
public record Me(String id, String username, String displayName, String email, String collectiviteId, String role,
                 Boolean enabled, Instant createdAt, long changes) {

    static Me of(PersonItem p) {
        return new Me(p.id(), p.username(), p.displayName(), p.email(), p.collectiviteId(), p.role(), p.enabled(),
                p.createdAt(), p.changes());
    }
}
