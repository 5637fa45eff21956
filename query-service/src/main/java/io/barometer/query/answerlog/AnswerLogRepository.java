package io.barometer.query.answerlog;

import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event table in event order, for the answer log. Rows come through a cursor inside a read-only
 * transaction (PostgreSQL's driver only fetches by batches with auto-commit off), so that the whole history of
 * an installation passes through in constant memory.
 */
@Repository
public class AnswerLogRepository {

    private static final int FETCH_SIZE = 2000;

    private static final String COLUMNS = "SELECT global_index, payload_type, payload, meta_data, time_stamp FROM domain_event_entry";

    /**
     * A campaign's history is its own events, those of its responses (identified {campaign}:{collectivite}) and
     * those of every collectivité that answered it: an installation that imports the log must know them first.
     */
    private static final String OF_CAMPAIGN = COLUMNS + """
             WHERE aggregate_identifier = 'campaign/' || :campaign
                OR left(aggregate_identifier, :prefixLength) = :prefix
                OR aggregate_identifier IN (SELECT 'collectivite/' || substr(aggregate_identifier, :prefixLength + 1)
                                              FROM domain_event_entry
                                             WHERE left(aggregate_identifier, :prefixLength) = :prefix
                                               AND sequence_number = 0)
             ORDER BY global_index
            """;

    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    public AnswerLogRepository(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        fetching.setFetchSize(FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(fetching);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public boolean campaignExists(String campaign) {
        return Boolean.TRUE.equals(cursor.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = 'campaign/' || :campaign)",
                new MapSqlParameterSource("campaign", campaign), Boolean.class));
    }

    /** Every stored event, or a campaign's (when {@code campaign} is not null), in the order they were stored. */
    public void stream(String campaign, Consumer<StoredEvent> sink) {
        String sql = campaign == null ? COLUMNS + " ORDER BY global_index" : OF_CAMPAIGN;
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (campaign != null) {
            String prefix = campaign + ":";
            params.addValue("campaign", campaign).addValue("prefix", prefix).addValue("prefixLength", prefix.length());
        }
        readOnly.executeWithoutResult(status -> cursor.query(sql, params, rs -> {
            sink.accept(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4), rs.getString(5)));
        }));
    }
}
