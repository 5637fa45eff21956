package io.barometer.events;

/** Who filled in a response on the collectivité's side. */
public enum RespondentRole {
    ELECTED, ADMIN_STAFF
}
