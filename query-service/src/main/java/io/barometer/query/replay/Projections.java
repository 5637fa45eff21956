package io.barometer.query.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import io.barometer.query.projection.FactStatistics;

/**
 * The event processors that build the projections: where each stands against the head of the event
 * store, and their rebuild from the first event.
 */
@Component
public class Projections {

    /** One processor's progress as this instance sees it (the segments it has claimed). */
    public record ProcessorStatus(String name, boolean running, boolean replaying, boolean caughtUp, int segments,
                                  Long position, Long lag) {
    }

    /**
     * {@code vacuumPending}: what the projection wrote since its last vacuum still waits for one (see
     * FactStatistics); views are complete once {@code caughtUp}, and at full speed once this is false too.
     */
    public record Status(long head, boolean caughtUp, boolean vacuumPending, List<ProcessorStatus> processors) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final FactStatistics statistics;

    public Projections(EventProcessingConfiguration processing, EventStore events, FactStatistics statistics) {
        this.processing = processing;
        this.events = events;
        this.statistics = statistics;
    }

    public Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }

    /** The highest position in the event store (0 when empty), asked of Axon so that Axon Server works too. */
    public long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /** The lowest position over the processor's claimed segments; empty while none is claimed. */
    public static OptionalLong position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus s : status.values()) {
            OptionalLong position = s.getCurrentPosition();
            // A segment without a position has not processed anything since its (re)start.
            lowest = Math.min(lowest, position.orElse(0));
        }
        return OptionalLong.of(lowest);
    }

    public Status status() {
        long head = head();
        List<ProcessorStatus> statuses = new ArrayList<>();
        boolean all = true;
        for (var e : processors().entrySet()) {
            StreamingEventProcessor p = e.getValue();
            OptionalLong position = position(p);
            boolean replaying = p.isReplaying();
            boolean caughtUp = position.isPresent() && position.getAsLong() >= head && !replaying;
            all &= caughtUp;
            statuses.add(new ProcessorStatus(e.getKey(), p.isRunning(), replaying, caughtUp,
                    p.processingStatus().size(), position.isPresent() ? position.getAsLong() : null,
                    position.isPresent() ? Math.max(0, head - position.getAsLong()) : null));
        }
        return new Status(head, all, statistics.vacuumPending(), statuses);
    }

    /**
     * Rebuilds every projection: each processor stops, its tokens go back to the start of the store (its
     * reset handlers empty its tables in the same step) and it starts again, catching up in the background.
     */
    public synchronized void replay() {
        for (StreamingEventProcessor p : processors().values()) {
            if (!p.supportsReset()) {
                continue;
            }
            p.shutDown();
            p.resetTokens();
            p.start();
        }
    }
}
