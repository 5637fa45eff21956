package io.barometer.events;

/** How a project is run. */
public enum ManagementMode {
    DSP, REGIE, PPP, MARCHE, OTHER
}
