package io.barometer.command.collectivite;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether a collectivité is registered, read from the event store. */
@Component
public class CollectiviteDirectory {

    private final JdbcClient jdbc;

    public CollectiviteDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String collectiviteId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM domain_event_entry
                                       WHERE aggregate_identifier = ? AND sequence_number = 0)
                        """)
                .param(Collectivite.aggregateId(collectiviteId))
                .query(Boolean.class)
                .single();
    }
}
