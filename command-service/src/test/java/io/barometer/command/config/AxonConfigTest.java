package io.barometer.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class AxonConfigTest {

    @Test
    void aDuplicateKeyIsRecognisedInsideAPostgresBatchFailure() {
        // What the JDBC driver throws when another instance already appended this sequence number.
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "40001", new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(AxonConfig.isDuplicateKey(new RuntimeException("append failed", batch))).isTrue();
        assertThat(AxonConfig.isDuplicateKey(new SQLException("duplicate key", "23505"))).isTrue();
    }

    @Test
    void otherFailuresAreNotDuplicates() {
        assertThat(AxonConfig.isDuplicateKey(new RuntimeException(new SQLException("deadlock detected", "40P01"))))
                .isFalse();
        assertThat(AxonConfig.isDuplicateKey(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
