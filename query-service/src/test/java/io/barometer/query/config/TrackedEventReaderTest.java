package io.barometer.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import io.barometer.command.testing.EmbeddedPostgresSupport;

/** TrackedEventReader reads exactly what Axon's own engine reads from the same store, tokens included. */
class TrackedEventReaderTest {

    public record Noted(String text) {
    }

    private HikariDataSource pool;

    @BeforeEach
    void store() {
        pool = new HikariDataSource();
        pool.setJdbcUrl(EmbeddedPostgresSupport.freshDatabase());
        pool.setUsername("postgres");
        // command-service's migrations create the event store both engines read.
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void close() {
        pool.close();
    }

    private JdbcEventStorageEngine.Builder builder() {
        JacksonSerializer json = JacksonSerializer.builder().objectMapper(AxonConfig.eventObjectMapper()).build();
        ConnectionProvider connections = pool::getConnection;
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(json)
                .snapshotSerializer(json)
                .schema(new AxonConfig().eventSchema())
                .batchSize(7);
    }

    @Test
    void readsWhatAxonReadsWithEveryTimestampToTheMillisecond() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        JdbcEventStorageEngine axon = builder().build();
        TrackedEventReader ours = new TrackedEventReader(builder(), new OpenGaps(pool));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // Old events (beyond the gap timeout) and recent ones, whole seconds and milliseconds.
            Instant at = random.nextBoolean() ? now.minusSeconds(random.nextInt(10_000_000))
                    : now.minusMillis(random.nextInt(30_000));
            if (random.nextInt(4) == 0) {
                at = at.truncatedTo(ChronoUnit.SECONDS);
            }
            events.add(new GenericDomainEventMessage<>("Response", "r" + (i % 5), i / 5, new Noted("n" + i),
                    MetaData.with("i", i), "event-" + i, at));
        }
        events.add(new GenericEventMessage<>(new Noted("no aggregate")));
        axon.appendEvents(events);

        List<String> expected = read(axon);
        assertThat(expected).as("seed %d", seed).hasSize(61);
        assertThat(read(ours)).as("seed %d", seed).isEqualTo(expected);
    }

    private static List<String> read(JdbcEventStorageEngine engine) {
        return engine.readEvents(null, false).map(TrackedEventReaderTest::describe).collect(Collectors.toList());
    }

    private static String describe(TrackedEventMessage<?> m) {
        String aggregate = m instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() + "/" + d.getSequenceNumber() : "-";
        return m.trackingToken() + " " + m.getIdentifier() + " " + aggregate + " " + m.getTimestamp() + " "
                + m.getPayload() + " " + m.getMetaData();
    }
}
