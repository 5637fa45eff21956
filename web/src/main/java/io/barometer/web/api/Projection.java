package io.barometer.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * How far query-service's projection had got when it computed a view: the position it held everything through,
 * the store's head then, and whether it had caught up. A page shows an incomplete view's figures as provisional.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Projection(long position, long head, boolean complete) {

    /** The {@code projection} of a view read as a tree; null when the view has none. */
    public static Projection of(JsonNode view) {
        JsonNode p = view == null ? null : view.get("projection");
        if (p == null || !p.isObject()) {
            return null;
        }
        return new Projection(p.path("position").asLong(), p.path("head").asLong(), p.path("complete").asBoolean());
    }

    /** Whether a page must warn that the figures may still change: only a view that says so. */
    public static boolean incomplete(Projection projection) {
        return projection != null && !projection.complete();
    }
}
