package io.barometer.query.asof;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Planner settings for the rest of the current transaction only: each scan sets its own beside its query,
 * where what PostgreSQL chose without them is told.
 */
final class PlannerHints {

    private PlannerHints() {
    }

    static void setLocal(NamedParameterJdbcTemplate jdbc, String... settings) {
        for (String setting : settings) {
            jdbc.getJdbcTemplate().execute("SET LOCAL " + setting);
        }
    }
}
