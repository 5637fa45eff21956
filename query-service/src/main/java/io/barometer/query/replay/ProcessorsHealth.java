package io.barometer.query.replay;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The event processors in /actuator/health: down when one has stopped or is failing (its views would
 * silently fall behind), up otherwise, however far behind it still is (the lag gauge tells that).
 */
@Component("eventProcessors")
public class ProcessorsHealth implements HealthIndicator {

    private final Projections projections;

    public ProcessorsHealth(Projections projections) {
        this.projections = projections;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (var entry : projections.processors().entrySet()) {
            StreamingEventProcessor p = entry.getValue();
            String state = p.isError() ? "error" : p.isRunning() ? "running" : "stopped";
            health.withDetail(entry.getKey(), state);
            if (!p.isRunning() || p.isError()) {
                health.down();
            }
        }
        return health.build();
    }
}
