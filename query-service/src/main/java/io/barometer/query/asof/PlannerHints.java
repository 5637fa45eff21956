package io.barometer.query.asof;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Planner settings for the rest of the current transaction only, which each scan sets beside its query. */
final class PlannerHints {

    private PlannerHints() {
    }

    static void setLocal(NamedParameterJdbcTemplate jdbc, String... settings) {
        for (String setting : settings) {
            jdbc.getJdbcTemplate().execute("SET LOCAL " + setting);
        }
    }
}
