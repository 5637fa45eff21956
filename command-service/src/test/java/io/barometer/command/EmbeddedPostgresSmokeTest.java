package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

import io.barometer.command.testing.EmbeddedPostgresSupport;

class EmbeddedPostgresSmokeTest {

    @Test
    void embeddedPostgresAnswers() throws Exception {
        String url = EmbeddedPostgresSupport.freshDatabase();
        try (var c = DriverManager.getConnection(url, "postgres", ""); ResultSet rs = c.createStatement().executeQuery("select 41 + 1")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }
}
