package io.barometer.command.security;

import java.util.Optional;
import java.util.UUID;

/** A person id as routes receive it: a UUID in its canonical form, or nothing (a username, a typo). */
public final class PersonIds {

    private PersonIds() {
    }

    public static Optional<UUID> parse(String text) {
        // UUID.fromString also takes "1-1-1-1-1": only the form command-service hands out is an id.
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
