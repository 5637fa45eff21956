package io.barometer.web.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A person as query-service reads them (issue #23): the signed-in person's own data, or one line of an admin's
 * list. {@code role} and {@code enabled} are null for a person without an account (named only by an imported
 * line); {@code username}, {@code displayName} and {@code email} are null once the person is erased.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Person(String id, String username, String displayName, String email, String collectiviteId,
                     String role, Boolean enabled, Instant createdAt, Instant erasedAt, long changes) {

    /** The name people know them by: the display name, else the username (null once erased). */
    public String name() {
        return displayName != null && !displayName.isBlank() ? displayName : username;
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public boolean hasAccount() {
        return role != null;
    }
}
