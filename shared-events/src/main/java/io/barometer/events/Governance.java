package io.barometer.events;

/**
 * The governance of one project. Every field is optional: null means "non renseigné".
 * {@code measure} and {@code means} are levels 1–4.
 */
public record Governance(Integer measure, Integer means, ManagementMode managementMode,
                         DecisionMode decisionMode, CoordinationMode coordination) {

    public static final Governance NONE = new Governance(null, null, null, null, null);

    public boolean isEmpty() {
        return this.equals(NONE);
    }
}
