package io.barometer.query.asof;

/** Receives the live projects of a campaign one by one, grouped by collectivité. */
public interface ProjectSink {
    void accept(String collectiviteId, AsOfState.Project project);
}
