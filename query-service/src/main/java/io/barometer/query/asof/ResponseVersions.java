package io.barometer.query.asof;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The responses' versions, which say which folded entries hold, read in the snapshot of the facts folded anew. */
final class ResponseVersions {

    /** Each response's version, and the respondents started as of the cut-off in the order of their ids. */
    record Known(Map<String, Long> versions, List<String> respondents) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    ResponseVersions(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Which entries hold: those of the versions read here (a new entry is stored with the version read in the
     * same snapshot as its facts, see {@link #withFacts}).
     */
    Known known(CutOff cut) {
        MapSqlParameterSource p = cut.parameters();
        Map<String, Long> versions = new HashMap<>();
        jdbc.query("SELECT collectivite_id, version FROM response_version WHERE campaign_id = :c", p,
                (RowCallbackHandler) rs -> versions.put(rs.getString(1), rs.getLong(2)));
        List<String> respondents = jdbc.queryForList("""
                SELECT collectivite_id FROM answer_fact
                WHERE campaign_id = :c AND project_id IS NULL AND attribute = 'started' AND %1$s <= :t
                ORDER BY collectivite_id
                """.formatted(cut.column()), p, String.class);
        return new Known(versions, respondents);
    }

    /**
     * The versions of {@code collectivites}, read first in a repeatable-read transaction in which
     * {@code readFacts} then runs, so that the facts folded are exactly those of these versions.
     */
    Map<String, Long> withFacts(CutOff cut, List<String> collectivites, Runnable readFacts) {
        Map<String, Long> versions = new HashMap<>();
        snapshot.executeWithoutResult(tx -> {
            if (!collectivites.isEmpty()) {
                jdbc.query("""
                        SELECT collectivite_id, version FROM response_version
                        WHERE campaign_id = :c AND collectivite_id = ANY(:list)
                        """, cut.parameters().addValue("list", collectivites.toArray(String[]::new)),
                        (RowCallbackHandler) rs -> versions.put(rs.getString(1), rs.getLong(2)));
            }
            readFacts.run();
        });
        return versions;
    }
}
