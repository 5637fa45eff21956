package io.barometer.query.completeness;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How far the projection a view was computed from had got: {@code complete} only when it held every event of the
 * store up to the store's head, gaps included, at the moment the view was computed.
 */
@Schema(name = "Projection", description = """
        What the view was computed from, read just before computing it. `position`: the projection holds every \
        event of the store up to this global position, with no gap below it; `head`: the store's highest position \
        then; `complete`: `position` had reached `head`. An incomplete view may still change without any new \
        answer (the events between `position` and `head` are not counted yet): its `fingerprint`, if it has one, \
        starts with `provisional:` and must not be cited. Pass `minPosition` (a write's `X-Event-Position`) to \
        wait for a given position.""")
public record Completeness(
        @Schema(description = "Every event up to this position is projected.", example = "2834") long position,
        @Schema(description = "The store's highest position when the view was computed.", example = "2834") long head,
        @Schema(description = "Whether the projection had reached the head: the view is final for these "
                + "parameters until a new event arrives.", example = "true") boolean complete) {

    /** The prefix of a fingerprint computed from an incomplete view, so that it cannot be cited as a final one. */
    public static final String PROVISIONAL = "provisional:";

    static Completeness of(long position, long head) {
        return new Completeness(position, head, position >= head);
    }

    /** The fingerprint as this view may show it: marked provisional unless the view is complete. */
    public String fingerprint(String fingerprint) {
        return complete ? fingerprint : PROVISIONAL + fingerprint;
    }
}
