package io.barometer.query.config;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.barometer.query.projection.EventFacts;

/**
 * Axon's JDBC event store, reading each tracked event's timestamp text once, with the fast parser of the
 * form command-service writes, and keeping every gap of the global index until PostgreSQL says it can no
 * longer fill.
 *
 * <p>Axon's entries keep the timestamp text and parse it with a DateTimeFormatter every time it is asked for,
 * which is twice per event on the way to a projection: 14 % of a replay's CPU in query-service.
 *
 * <p>Axon gives a gap up when the events around it are older than its gap timeout (a minute), when 10 000 later
 * events were read, or when more than 250 gaps pile up and their neighbours are old: an append that commits
 * later than that (a transaction held open by a slow disk, a lock, a paused process) would never be projected.
 * Here a gap is given up only once {@link OpenGaps} finds that every transaction that could still fill it has
 * ended, checked before each fetch, so that the fetch itself reads the events of the gaps that filled. A token
 * keeps at most {@link #MAX_OPEN_GAPS} gaps, for the statement that reads them; beyond that (a million-row
 * transaction rolled back) the oldest are given up unchecked, with a warning.
 */
public class TrackedEventReader extends JdbcEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(TrackedEventReader.class);

    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int MAX_OPEN_GAPS = 10_000;

    private final OpenGaps openGaps;

    public TrackedEventReader(Builder builder, OpenGaps openGaps) {
        // Axon's own ways of giving gaps up, switched off: by distance, by time, and by its cleaning pass.
        super(builder.lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE).maxGapOffset(Integer.MAX_VALUE)
                .gapTimeout(Integer.MAX_VALUE).gapCleaningThreshold(Integer.MAX_VALUE));
        this.openGaps = openGaps;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        SortedSet<Long> open = lastToken instanceof GapAwareTrackingToken token ? token.getGaps() : new TreeSet<>();
        // Before the fetch: a settled gap's event, if committed, is then visible to the fetch's own read.
        Set<Long> settled = openGaps.settled(open);
        List<? extends TrackedEventData<?>> batch = super.fetchTrackedEvents(lastToken, batchSize);
        if (batch.isEmpty()) {
            return batch;
        }
        GapAwareTrackingToken last = (GapAwareTrackingToken) batch.get(batch.size() - 1).trackingToken();
        List<Long> closed = open.stream().filter(g -> settled.contains(g) || !last.getGaps().contains(g)).toList();
        openGaps.forget(closed);
        if (settled.isEmpty()) {
            return batch;
        }
        return batch.stream().map(event -> withoutGaps(event, settled)).toList();
    }

    private static TrackedEventData<?> withoutGaps(TrackedEventData<?> event, Set<Long> settled) {
        GapAwareTrackingToken token = (GapAwareTrackingToken) event.trackingToken();
        if (token.getGaps().stream().noneMatch(settled::contains)) {
            return event;
        }
        SortedSet<Long> gaps = new TreeSet<>(token.getGaps());
        gaps.removeAll(settled);
        return new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(token.getIndex(), gaps),
                (DomainEventData<?>) event);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalIndex = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        Object timestampText = readTimeStamp(resultSet, schema.timestampColumn());
        Instant timestamp = EventFacts.parseInstant(timestampText.toString());
        GapAwareTrackingToken token;
        if (previousToken == null) {
            long from = Math.max(LOWEST_GLOBAL_SEQUENCE, globalIndex - MAX_OPEN_GAPS);
            token = GapAwareTrackingToken.newInstance(globalIndex, LongStream.range(Math.min(from, globalIndex), globalIndex)
                    .boxed().collect(Collectors.toCollection(TreeSet::new)));
        } else {
            token = previousToken.advanceTo(globalIndex, Integer.MAX_VALUE);
        }
        if (token.getGaps().size() > MAX_OPEN_GAPS) {
            long keptFrom = token.getGaps().stream().skip(token.getGaps().size() - MAX_OPEN_GAPS).findFirst().orElseThrow();
            log.warn("More than {} gaps open in the event store's index below {}: those below {} are given up unchecked",
                    MAX_OPEN_GAPS, globalIndex, keptFrom);
            token = token.withGapsTruncatedAt(keptFrom);
        }
        Object metaData = readPayload(resultSet, schema.metaDataColumn());
        if (token.getIndex() != globalIndex) {
            metaData = withFilledGapIndex((byte[]) metaData, globalIndex);
        }
        Entry event = new Entry(resultSet.getString(schema.typeColumn()),
                // Axon stores an event without an aggregate under its own identifier.
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier, timestampText, timestamp,
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()), metaData);
        return new TrackedDomainEventData<>(token, event);
    }

    /** The stored metadata (a JSON object) with {@link EventFacts#FILLED_GAP_INDEX} first. */
    static byte[] withFilledGapIndex(byte[] metaData, long globalIndex) {
        String stored = metaData == null ? "{}" : new String(metaData, StandardCharsets.UTF_8).strip();
        String rest = stored.substring(stored.indexOf('{') + 1).strip();
        return ("{\"" + EventFacts.FILLED_GAP_INDEX + "\":" + globalIndex + (rest.startsWith("}") ? "" : ",") + rest)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A stored event whose timestamp was parsed once, when its row was read. */
    static final class Entry extends GenericDomainEventEntry<Object> {

        private final Instant timestamp;

        Entry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, Object timestampText,
              Instant timestamp, String payloadType, String payloadRevision, Object payload, Object metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestampText, payloadType, payloadRevision,
                    payload, metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
