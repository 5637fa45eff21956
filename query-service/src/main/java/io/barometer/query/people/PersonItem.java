package io.barometer.query.people;

import java.time.Instant;

/**
 * One person as an admin lists them: an erased one keeps its id, dates and count of changes, and nothing else.
 * {@code role} and {@code enabled} are null for a person without an account (the author of imported answers).
 */
public record PersonItem(String id, String username, String displayName, String email, String collectiviteId,
                         String role, Boolean enabled, Instant createdAt, Instant erasedAt, long changes) {

    PersonItem counted(long count) {
        return new PersonItem(id, username, displayName, email, collectiviteId, role, enabled, createdAt, erasedAt,
                count);
    }
}
