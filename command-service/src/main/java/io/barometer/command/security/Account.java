package io.barometer.command.security;

import java.util.UUID;

import io.barometer.events.UserRole;

/**
 * A person's account; one per person, so that the audit tells who changed what. The username, display name and
 * e-mail are the person's (table person): the account only adds what signing in and acting need.
 */
public record Account(UUID personId, String username, String passwordHash, UserRole role, String collectiviteId,
                      String displayName, String email, boolean enabled, int tokenGeneration) {
}
