package io.barometer.command.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC event store, except that the events of commands handled at the same time are made durable
 * together: one multi-row INSERT, i.e. one round trip and one commit, for all of them (group commit), instead
 * of one transaction per command. Each command still returns only once its own events are committed, so a
 * client never sees a write that could be lost; what is shared is PostgreSQL's per-transaction work and
 * the round trips, which were most of the write path's cost outside the JVM.
 * <p>
 * Whoever arrives while no batch is being written writes at once, with whatever else is waiting; whoever
 * arrives during a write waits, and the next writer takes all who waited. A lone writer (an import) thus
 * pays nothing more than before. When a batch fails, each of its commands is tried again alone, so that
 * one command's conflict (a duplicate sequence number) fails that command only.
 * <p>
 * Events appended inside a Spring transaction (work that must commit with them, atomically) keep Axon's
 * path in that transaction.
 * <p>
 * Events are durable once this returns, which in Axon's unit of work is its prepare-commit phase rather than
 * its commit: a command's work after that phase (putting the aggregate in the cache, counting, scheduling a
 * snapshot) cannot undo them, and none of it can refuse the command.
 */
public class GroupCommitEventStorageEngine extends JdbcEventStorageEngine {

    private static final int MAX_ROWS_PER_STATEMENT = 500;

    private final DataSource dataSource;
    private final CommitObserver commits;
    private final String insert;
    /** The INSERT for n rows, built once per n (a benign race: any thread builds the same text). */
    private final String[] inserts = new String[MAX_ROWS_PER_STATEMENT + 1];

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchWritten = lock.newCondition();
    private final List<Append> waiting = new ArrayList<>();
    private boolean writing;

    /**
     * @param dataSource        where the batches are written, on a connection of their own: no command holds
     *                          one while it waits (the command bus opens no transaction)
     * @param commits           told of each batch: how many commands it held, how long it took (metrics)
     */
    public GroupCommitEventStorageEngine(Builder builder, DataSource dataSource, CommitObserver commits) {
        super(builder);
        this.dataSource = dataSource;
        this.commits = commits;
        EventSchema s = schema();
        this.insert = "INSERT INTO " + s.domainEventTable() + " (" + String.join(", ", s.eventIdentifierColumn(),
                s.aggregateIdentifierColumn(), s.sequenceNumberColumn(), s.typeColumn(), s.timestampColumn(),
                s.payloadTypeColumn(), s.payloadRevisionColumn(), s.payloadColumn(), s.metaDataColumn())
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            super.appendEvents(events, serializer);
            return;
        }
        // Serialised here, on the command's own thread, so that the writer's turn stays short.
        Append append = new Append(events.stream().map(e -> Row.of(EventUtils.asDomainEventMessage(e), serializer)).toList());
        List<Append> batch = null;
        lock.lock();
        try {
            waiting.add(append);
            while (!append.taken && (writing || waiting.get(0) != append)) {
                // Not interruptible: the batch may commit this command's events, and its caller must learn so.
                batchWritten.awaitUninterruptibly();
            }
            if (!append.taken) {
                writing = true;
                batch = new ArrayList<>(waiting);
                batch.forEach(a -> a.taken = true);
                waiting.clear();
            } else {
                while (!append.done) {
                    batchWritten.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        if (batch != null) {
            try {
                write(batch);
            } catch (RuntimeException | Error e) {
                for (Append a : batch) {
                    a.failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                throw e;
            } finally {
                lock.lock();
                try {
                    batch.forEach(a -> a.done = true);
                    writing = false;
                    batchWritten.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
        if (append.failure != null) {
            // Translated as Axon's own append would: a duplicate sequence number becomes a ConcurrencyException.
            handlePersistenceException(append.failure, events.get(0));
        }
    }

    private void write(List<Append> batch) {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            try {
                insert(connection, batch.stream().flatMap(a -> a.rows.stream()).toList());
            } catch (SQLException together) {
                if (batch.size() == 1) {
                    batch.get(0).failure = together;
                    return;
                }
                for (Append append : batch) {
                    try {
                        insert(connection, append.rows);
                    } catch (SQLException alone) {
                        append.failure = alone;
                    }
                }
            }
        } catch (SQLException connectionLost) {
            for (Append append : batch) {
                if (append.failure == null) {
                    append.failure = connectionLost;
                }
            }
        } finally {
            commits.committed(batch.size(), System.nanoTime() - start);
        }
    }

    /**
     * All rows in one multi-row INSERT when they fit: a single statement is its own transaction, so that
     * the whole batch costs one round trip and one commit. More rows than that (a large import's command)
     * go in chunks within one explicit transaction.
     */
    private void insert(Connection connection, List<Row> rows) throws SQLException {
        if (rows.size() <= MAX_ROWS_PER_STATEMENT) {
            connection.setAutoCommit(true);
            insertChunk(connection, rows);
            return;
        }
        connection.setAutoCommit(false);
        try {
            for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
                insertChunk(connection, rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT)));
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void insertChunk(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertOf(rows.size()))) {
            int p = 0;
            for (Row row : rows) {
                statement.setString(++p, row.eventId);
                statement.setString(++p, row.aggregateId);
                statement.setLong(++p, row.sequence);
                statement.setString(++p, row.type);
                writeTimestamp(statement, ++p, row.event.getTimestamp());
                statement.setString(++p, row.payload.getType().getName());
                statement.setString(++p, row.payload.getType().getRevision());
                statement.setBytes(++p, row.payload.getData());
                statement.setBytes(++p, row.metaData.getData());
            }
            statement.executeUpdate();
        }
    }

    private String insertOf(int rows) {
        String sql = inserts[rows];
        if (sql == null) {
            sql = insert + ", (?, ?, ?, ?, ?, ?, ?, ?, ?)".repeat(rows - 1);
            inserts[rows] = sql;
        }
        return sql;
    }

    /** Told of each batch written (or tried). */
    @FunctionalInterface
    public interface CommitObserver {
        void committed(int commands, long nanos);
    }

    /** One command's events, and what became of them. Read and written under the lock or by the writer. */
    private static final class Append {
        final List<Row> rows;
        boolean taken;
        volatile boolean done;
        volatile Exception failure;

        Append(List<Row> rows) {
            this.rows = rows;
        }
    }

    private record Row(DomainEventMessage<?> event, String eventId, String aggregateId, long sequence, String type,
                       SerializedObject<byte[]> payload, SerializedObject<byte[]> metaData) {
        static Row of(DomainEventMessage<?> event, Serializer serializer) {
            return new Row(event, event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                    event.getType(), event.serializePayload(serializer, byte[].class),
                    event.serializeMetaData(serializer, byte[].class));
        }
    }
}
