package io.barometer.events;

/** How decisions on a project are taken. */
public enum DecisionMode {
    UNILATERAL, CITIZEN_PARTICIPATION, MULTI_PARTNER, OTHER
}
