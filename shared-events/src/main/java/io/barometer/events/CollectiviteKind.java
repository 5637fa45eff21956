package io.barometer.events;

/** Legal kind of a collectivité (DESIGN §3). */
public enum CollectiviteKind {
    COMMUNE, COMMUNAUTE_AGGLOMERATION, COMMUNAUTE_URBAINE, METROPOLE
}
