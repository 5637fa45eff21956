package io.barometer.events;

/** Who coordinates a project. */
public enum CoordinationMode {
    SINGLE_INTERNAL_LEAD, DEDICATED_TEAM, EXTERNAL_ACTOR, SEVERAL_PARTNERS
}
