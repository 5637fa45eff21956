package io.barometer.query.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Collects the rows a batch of events produces and writes them as one JDBC batch per statement when the
 * batch's unit of work prepares to commit, in the same transaction as the processor's token: a statement
 * per event would cap a replay far below the events per second the design asks for.
 */
@Component
public class BatchedInserts {

    /** An INSERT with the JDBC type of each parameter, so that nulls need no round trip to the server. */
    public record Insert(String sql, int[] types) {
    }

    private static final String RESOURCE = BatchedInserts.class.getName();

    private final JdbcTemplate jdbc;
    private final FactStatistics statistics;

    public BatchedInserts(JdbcTemplate jdbc, FactStatistics statistics) {
        this.jdbc = jdbc;
        this.statistics = statistics;
    }

    public void add(Insert insert, Object... row) {
        if (row.length != insert.types().length) {
            throw new IllegalArgumentException("expected " + insert.types().length + " values for " + insert.sql());
        }
        if (!CurrentUnitOfWork.isStarted()) {
            write(insert, java.util.Collections.singletonList(row));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<Insert, List<Object[]>> pending = unitOfWork.getOrComputeResource(RESOURCE, key -> {
            Map<Insert, List<Object[]>> rows = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> rows.forEach(this::write));
            unitOfWork.afterCommit(u -> statistics.written(rows.values().stream().mapToLong(List::size).sum()));
            return rows;
        });
        pending.computeIfAbsent(insert, k -> new ArrayList<>()).add(row);
    }

    private void write(Insert insert, List<Object[]> rows) {
        int[] types = insert.types();
        jdbc.batchUpdate(insert.sql(), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                for (int c = 0; c < row.length; c++) {
                    if (row[c] == null) {
                        ps.setNull(c + 1, types[c]);
                    } else {
                        ps.setObject(c + 1, row[c], types[c]);
                    }
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }
}
