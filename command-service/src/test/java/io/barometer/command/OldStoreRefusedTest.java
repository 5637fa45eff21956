package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.barometer.command.testing.EmbeddedPostgresSupport;

/**
 * Issue 23, item 5: a store written before people got ids names them by username in its events, which are never
 * rewritten; command-service refuses to start on it, saying why and what to do, and leaves it as it was.
 */
class OldStoreRefusedTest {

    @Test
    void aStoreWithEventsOfTheOldFormatIsRefusedAtStartWithAClearMessage() throws SQLException {
        String url = EmbeddedPostgresSupport.freshDatabase();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").target("4").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("""
                    INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_type, time_stamp,
                                                    aggregate_identifier, sequence_number, type)
                    VALUES ('e1', convert_to('{"userId":"marie.dupont"}', 'UTF8'), convert_to('{}', 'UTF8'),
                            'io.barometer.events.CampaignOpened', '2014-01-01T00:00:00Z', 'campaign/c', 0, 'Campaign')
                    """);
        }

        Throwable refused = catchThrowable(() -> CommandServiceApplication.start(RestartTest.args(url)).close());

        assertThat(refused).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertThat(messages.toString()).contains("written before people got ids")
                .contains("Start on an empty database and import the answer logs again");
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             var rs = c.createStatement().executeQuery(
                     "SELECT (SELECT count(*) FROM domain_event_entry), to_regclass('person') IS NULL")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getBoolean(2)).as("the refused migration left nothing half done").isTrue();
        }
    }
}
