package io.barometer.query.completeness;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.barometer.query.config.OpenGaps;
import io.barometer.query.projection.History;
import io.barometer.query.replay.Projections;
import io.barometer.support.web.ApiException;

/**
 * Reads how far the projection has got, for every view to say whether it is complete, and waits for a
 * position a caller asks for ({@code minPosition}).
 *
 * <p>The position is that of the processor's tokens, which are committed in the same transaction as the facts
 * they cover, so the facts of a position read here are visible to every query that follows. Axon's global index
 * has gaps (a transaction still open when a later one committed), which its gap-aware token keeps as such: the
 * projection holds everything only up to just below its lowest gap that may still fill, and that is the position
 * given. A gap that can no longer fill ({@link OpenGaps#abandoned}) stays in a token until the processor reads its
 * next event; it does not hold the position back meanwhile.
 */
@Component
public class CompletenessCheck {

    public static final String POSITION_HEADER = "X-Projection-Position";
    public static final String HEAD_HEADER = "X-Store-Head";
    public static final String COMPLETE_HEADER = "X-View-Complete";

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Projections projections;
    private final Duration maxWait;
    private final OpenGaps openGaps;

    public CompletenessCheck(JdbcClient jdbc, Serializer serializer, Projections projections, OpenGaps openGaps,
                             @Value("${barometer.views.min-version-wait}") Duration maxWait) {
        this.jdbc = jdbc;
        this.openGaps = openGaps;
        this.serializer = serializer;
        this.projections = projections;
        this.maxWait = maxWait;
    }

    /**
     * The projection's state now; read before a view is computed, so that the view holds at least what it says.
     * The head is read last, as close as can be to the moment the view is computed.
     */
    public Completeness now() {
        long position = projectedPosition();
        return Completeness.of(position, projections.head());
    }

    /**
     * {@link #now()}, after waiting (up to the configured bound) until the projection holds every event through
     * {@code minPosition} when one is given; refused with how far behind it is otherwise.
     */
    public Completeness awaiting(String minPosition) {
        long wanted = parse(minPosition);
        if (wanted > 0) {
            long projected = poll(this::projectedPosition, wanted);
            if (projected < wanted) {
                throw new ProjectionBehind(projected, wanted);
            }
        }
        return now();
    }

    /**
     * Reads {@code projected} until it reaches {@code wanted}, for at most the configured wait: the projection,
     * never the event store, so that a caller waits for what the views will hold. Returns the last value read,
     * below {@code wanted} when the wait ran out.
     */
    public long poll(LongSupplier projected, long wanted) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long value = projected.getAsLong();
        while (value < wanted && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
            value = projected.getAsLong();
        }
        return value;
    }

    /** The same state for a file, whose body has no room for it: as response headers. */
    public static HttpHeaders headers(Completeness completeness) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(POSITION_HEADER, Long.toString(completeness.position()));
        headers.set(HEAD_HEADER, Long.toString(completeness.head()));
        headers.set(COMPLETE_HEADER, Boolean.toString(completeness.complete()));
        return headers;
    }

    private static long parse(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position < 1) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("minPosition",
                    "must be a positive event position, as in the X-Event-Position of a write or an import");
        }
    }

    /**
     * The lowest position over the processor's segments below which nothing is missing; 0 before it starts. A
     * segment this instance holds is read from its processor: its token in the table lags by up to a second when
     * none of the latest events were the segment's (Axon stores the token of skipped events only once it stops
     * waiting for more), while the processor's status moves on once a batch is committed or skipped.
     */
    long projectedPosition() {
        Map<Integer, TrackingToken> bySegment = new HashMap<>();
        jdbc.sql("SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?")
                .param(History.GROUP)
                .query(rs -> {
                    byte[] bytes = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    bySegment.put(rs.getInt("segment"), bytes == null || type == null ? null
                            : (TrackingToken) serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                                    type, null)));
                });
        StreamingEventProcessor processor = projections.processors().get(History.GROUP);
        if (processor != null) {
            processor.processingStatus().forEach((segment, status) -> bySegment.put(segment, status.getTrackingToken()));
        }
        if (bySegment.isEmpty()) {
            return 0;
        }
        Set<Long> gaps = new TreeSet<>();
        bySegment.values().forEach(token -> {
            if (current(token) instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps());
            }
        });
        Set<Long> abandoned = openGaps.abandoned(gaps);
        long lowest = Long.MAX_VALUE;
        for (TrackingToken token : bySegment.values()) {
            lowest = Math.min(lowest, through(token, abandoned));
        }
        return lowest;
    }

    static long through(TrackingToken token, Set<Long> abandoned) {
        TrackingToken current = current(token);
        if (current == null) {
            return 0;
        }
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().stream().filter(gap -> !abandoned.contains(gap)).findFirst()
                    .map(gap -> gap - 1).orElse(gapAware.getIndex());
        }
        return current.position().orElse(0);
    }

    private static TrackingToken current(TrackingToken token) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        return current instanceof WrappedToken ? WrappedToken.unwrapLowerBound(current) : current;
    }
}
