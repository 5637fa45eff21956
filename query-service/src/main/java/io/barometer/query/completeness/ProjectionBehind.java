package io.barometer.query.completeness;

/** The projection has not reached the position asked for within the wait. */
public class ProjectionBehind extends RuntimeException {

    private final long projected;
    private final long wanted;

    ProjectionBehind(long projected, long wanted) {
        super("The projection holds every event through position " + projected + ", not yet " + wanted + " ("
                + (wanted - projected) + " behind); retry shortly");
        this.projected = projected;
        this.wanted = wanted;
    }

    public long projected() {
        return projected;
    }

    public long behind() {
        return wanted - projected;
    }
}
