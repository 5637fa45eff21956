package io.barometer.command.rules;

import java.util.regex.Pattern;

/** The shapes of values that several aggregates check alike: ids that are slugs, bounded texts. */
public final class Require {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private Require() {
    }

    public static void slug(String field, String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw DomainException.invalid(field, "must be a slug of lowercase letters, digits and '-'");
        }
    }

    public static void text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        if (value.length() > max) {
            throw DomainException.invalid(field, "is longer than " + max + " characters");
        }
    }
}
