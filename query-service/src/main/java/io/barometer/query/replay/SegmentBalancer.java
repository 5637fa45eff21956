package io.barometer.query.replay;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Shares the projection's segments among the query-services running on one database. Axon's tracking processor
 * claims every free segment it has a thread for, and every instance needs a thread per segment, or a survivor
 * could not take over the segments of one that died; so the first instance started would hold them all. Each
 * instance therefore says it is alive in {@code instance_heartbeat}, and one that holds more than its share of the
 * live instances releases a segment for a while, which an instance holding fewer then claims.
 */
@Component
public class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final Projections projections;
    private final JdbcClient jdbc;
    private final Duration interval;
    private final String instance = UUID.randomUUID().toString();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "segment-balancer");
        thread.setDaemon(true);
        return thread;
    });

    public SegmentBalancer(Projections projections, JdbcClient jdbc,
                           @Value("${barometer.projection.balance-interval}") Duration interval) {
        this.projections = projections;
        this.jdbc = jdbc;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::balanceQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            // The database away, most likely: the next round tries again, and the processors keep their claims.
            log.debug("Segment balancing skipped: {}", e.toString());
        }
    }

    void balance() {
        jdbc.sql("""
                INSERT INTO instance_heartbeat (instance, seen_at) VALUES (?, now())
                ON CONFLICT (instance) DO UPDATE SET seen_at = excluded.seen_at""").param(instance).update();
        // Alive: seen within three rounds. A dead instance drops out, and its segments are shared again once
        // their claims time out.
        long live = jdbc.sql("SELECT count(*) FROM instance_heartbeat WHERE seen_at > now() - make_interval(secs => ?)")
                .param(3 * interval.toMillis() / 1000.0).query(Long.class).single();
        for (var entry : projections.processors().entrySet()) {
            StreamingEventProcessor processor = entry.getValue();
            Map<Integer, EventTrackerStatus> held = processor.processingStatus();
            long segments = jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = ?")
                    .param(entry.getKey()).query(Long.class).single();
            long share = (segments + Math.max(live, 1) - 1) / Math.max(live, 1);
            if (held.size() > share) {
                int segment = held.keySet().iterator().next();
                log.info("Releasing segment {} of {}: {} held, {} live instances share {}", segment, entry.getKey(),
                        held.size(), live, segments);
                // Long enough for an instance with a free thread to claim it (Axon looks every 5 s).
                processor.releaseSegment(segment, 4 * interval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }
}
