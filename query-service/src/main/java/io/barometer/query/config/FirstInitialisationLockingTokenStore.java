package io.barometer.query.config;

import static org.axonframework.common.jdbc.JdbcUtils.closeQuietly;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.annotation.Nonnull;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;

/**
 * Axon's JDBC token store, except that the first initialisation of a processor's segments is serialised
 * between instances. Started together on an empty database, two query-services both find no segment and both
 * insert segment 0: the loser fails on the primary key, logs a warning with a stack trace and tries again a
 * second later. Here each first locks the table, in the initialisation's own transaction, and whoever comes
 * second finds the segments the first committed and inserts nothing.
 */
public class FirstInitialisationLockingTokenStore extends JdbcTokenStore {

    private final String tokenTable;

    public FirstInitialisationLockingTokenStore(Builder builder, String tokenTable) {
        super(builder);
        this.tokenTable = tokenTable;
    }

    @Override
    public void initializeTokenSegments(@Nonnull String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        Connection connection = getConnection();
        try (Statement lock = connection.createStatement()) {
            // This mode conflicts with itself and with writes, not with reads; held only until this transaction
            // ends, i.e. for the few inserts of a processor's first start.
            lock.execute("LOCK TABLE " + tokenTable + " IN SHARE ROW EXCLUSIVE MODE");
        } catch (SQLException e) {
            throw new JdbcException("Could not lock " + tokenTable + " to initialise " + processorName, e);
        } finally {
            closeQuietly(connection);
        }
        // Read committed: this query sees what a concurrent initialisation committed while we waited for the lock.
        if (fetchSegments(processorName).length > 0) {
            return;
        }
        super.initializeTokenSegments(processorName, segmentCount, initialToken);
    }
}
