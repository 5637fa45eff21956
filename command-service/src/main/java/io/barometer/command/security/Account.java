package io.barometer.command.security;

import io.barometer.events.UserRole;

/** A person's account; one per person, so that the audit names who changed what. */
public record Account(String username, String passwordHash, UserRole role, String collectiviteId,
                      String displayName) {
}
