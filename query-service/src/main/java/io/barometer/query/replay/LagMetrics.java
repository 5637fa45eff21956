package io.barometer.query.replay;

import java.util.OptionalLong;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** barometer_projection_lag{processor}: events between the head of the store and a processor's position. */
@Component
public class LagMetrics {

    private final Projections projections;
    private final MeterRegistry registry;

    public LagMetrics(Projections projections, MeterRegistry registry) {
        this.projections = projections;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        projections.processors().forEach((name, processor) ->
                Gauge.builder("barometer.projection.lag", () -> {
                            OptionalLong position = Projections.position(processor);
                            // Before a segment is claimed the processor has shown no progress: it lags by the head.
                            return Math.max(0, projections.head() - position.orElse(0));
                        })
                        .description("Events appended to the store that this processor has not processed yet")
                        .tag("processor", name)
                        .baseUnit("events")
                        .register(registry));
    }
}
