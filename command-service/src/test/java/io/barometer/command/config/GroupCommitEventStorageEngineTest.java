package io.barometer.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.barometer.command.testing.EmbeddedPostgresSupport;

/** The group-commit event store on a real PostgreSQL, with the schema Flyway gives the service. */
class GroupCommitEventStorageEngineTest {

    public record Noted(String text) {
    }

    private HikariDataSource pool;
    private final List<Integer> commandsPerCommit = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void database() {
        pool = new HikariDataSource();
        pool.setJdbcUrl(EmbeddedPostgresSupport.freshDatabase());
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(12);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void close() {
        pool.close();
    }

    private GroupCommitEventStorageEngine engine(DataSource writes) {
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(pool);
        JacksonSerializer json = JacksonSerializer.builder().objectMapper(AxonConfig.axonObjectMapper()).build();
        return new GroupCommitEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(pool))
                .transactionManager(new SpringTransactionManager(transactions))
                .eventSerializer(json)
                .snapshotSerializer(json)
                .persistenceExceptionResolver(AxonConfig::isDuplicateKey)
                .schema(new AxonConfig().eventSchema()), writes, (commands, nanos) -> commandsPerCommit.add(commands));
    }

    private static DomainEventMessage<Noted> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Response", aggregate, sequence, new Noted(aggregate + "#" + sequence));
    }

    private static List<String> stored(GroupCommitEventStorageEngine engine, String aggregate) {
        DomainEventStream stream = engine.readEvents(aggregate);
        List<String> texts = new ArrayList<>();
        stream.asStream().forEach(e -> texts.add(((Noted) e.getPayload()).text()));
        return texts;
    }

    @Test
    void concurrentCommandsAllLandInOrderWhateverBatchesTheyShare() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        GroupCommitEventStorageEngine engine = engine(pool);
        int aggregates = 12;
        int[] lengths = new int[aggregates];
        for (int a = 0; a < aggregates; a++) {
            lengths[a] = 20 + random.nextInt(40);
        }
        ExecutorService threads = Executors.newFixedThreadPool(aggregates);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int a = 0; a < aggregates; a++) {
                String id = "agg-" + a;
                int length = lengths[a];
                // One thread per aggregate, as Axon's aggregate lock guarantees; several events per command at times.
                done.add(threads.submit(() -> {
                    for (int seq = 0; seq < length; ) {
                        int count = Math.min(length - seq, 1 + (seq % 3));
                        List<DomainEventMessage<?>> events = new ArrayList<>();
                        for (int i = 0; i < count; i++) {
                            events.add(event(id, seq + i));
                        }
                        engine.appendEvents(events);
                        seq += count;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        for (int a = 0; a < aggregates; a++) {
            List<String> expected = new ArrayList<>();
            for (int seq = 0; seq < lengths[a]; seq++) {
                expected.add("agg-" + a + "#" + seq);
            }
            assertThat(stored(engine, "agg-" + a)).as("aggregate %d, seed %d", a, seed).isEqualTo(expected);
        }
        int commands = commandsPerCommit.stream().mapToInt(Integer::intValue).sum();
        int expectedCommands = 0;
        for (int length : lengths) {
            for (int seq = 0; seq < length; seq += Math.min(length - seq, 1 + (seq % 3))) {
                expectedCommands++;
            }
        }
        assertThat(commands).as("every command written by exactly one batch, seed %d", seed).isEqualTo(expectedCommands);
    }

    @Test
    void aConflictInABatchFailsThatCommandAloneAndTheOthersCommit() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        // The first batch's writer is held at its connection, so that the next commands queue into one batch.
        DataSource gated = new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                if (first.getAndSet(false)) {
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.getConnection();
            }
        };
        GroupCommitEventStorageEngine engine = engine(gated);
        engine(pool).appendEvents(List.of(event("taken", 0), event("taken", 1)));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> leader = threads.submit(() -> engine.appendEvents(event("a", 0)));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> other = threads.submit(() -> engine.appendEvents(event("b", 0)));
            Future<?> conflicting = threads.submit(() -> engine.appendEvents(event("taken", 1)));
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingThreads() == 2);
            release.countDown();
            leader.get(30, TimeUnit.SECONDS);
            other.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> conflicting.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ConcurrencyException.class);
        } finally {
            threads.shutdownNow();
        }
        assertThat(commandsPerCommit).containsExactly(1, 1, 2);
        assertThat(stored(engine, "a")).containsExactly("a#0");
        assertThat(stored(engine, "b")).containsExactly("b#0");
        assertThat(stored(engine, "taken")).containsExactly("taken#0", "taken#1");
    }

    private static long waitingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("pool-") && t.getState() == Thread.State.WAITING)
                .filter(t -> Arrays.stream(t.getStackTrace())
                        .anyMatch(f -> f.getMethodName().equals("appendEvents")))
                .count();
    }

    @Test
    void insideASpringTransactionEventsCommitOrRollBackWithIt() {
        GroupCommitEventStorageEngine engine = engine(pool);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
        transaction.executeWithoutResult(status -> {
            engine.appendEvents(event("rolled-back", 0));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> engine.appendEvents(event("kept", 0)));
        assertThat(stored(engine, "rolled-back")).isEmpty();
        assertThat(stored(engine, "kept")).containsExactly("kept#0");
        assertThat(commandsPerCommit).as("no group commit inside a transaction").isEmpty();
    }

    @Test
    void aCommandOfMoreEventsThanOneStatementTakesIsWrittenWhole() {
        GroupCommitEventStorageEngine engine = engine(pool);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < 1_234; seq++) {
            events.add(event("long", seq));
        }
        engine.appendEvents(events);
        assertThat(stored(engine, "long")).hasSize(1_234).startsWith("long#0").endsWith("long#1233");
        List<DomainEventMessage<?>> clash = new ArrayList<>();
        for (int seq = 1_234; seq < 2_000; seq++) {
            clash.add(event("long", seq));
        }
        clash.add(event("long", 5));
        assertThatThrownBy(() -> engine.appendEvents(clash)).isInstanceOf(ConcurrencyException.class);
        assertThat(stored(engine, "long")).as("nothing of a failed command is kept").hasSize(1_234);
    }
}
