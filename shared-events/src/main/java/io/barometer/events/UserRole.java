package io.barometer.events;

/** Roles of accounts; a RESPONDENT is bound to one collectivité. */
public enum UserRole {
    RESPONDENT, ANALYST, ADMIN
}
