package io.barometer.query.asof;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Project facts read as rows, outside a whole campaign's scan: one response's projects with labels and last
 * changes, an export's projects streamed from a cursor, or only the counts of a campaign's project facts.
 */
final class ProjectRows {

    /** Rows per round trip when an export's project facts stream from a cursor. */
    private static final int PROJECT_FETCH_SIZE = 10_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    ProjectRows(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        fetching.setFetchSize(PROJECT_FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(fetching);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** One response's live projects as of the cut-off, with the counts of their facts. */
    GatheredProjects ofResponse(CutOff cut, String collectiviteId) {
        MapSqlParameterSource p = cut.parameters().addValue("coll", collectiviteId);
        GatheredProjects one = new GatheredProjects();
        ProjectFold fold = new ProjectFold(one, one);
        jdbc.query(projectsSql(cut.column(), " AND collectivite_id = :coll"), p, new ProjectFold.Rows(fold)::row);
        fold.finish();
        return one;
    }

    /**
     * The counts of the project facts of one response ({@code only}; null: of the whole campaign) as of the
     * cut-off, without the projects: the project facts count as changes too.
     */
    GatheredProjects counted(CutOff cut, String only) {
        MapSqlParameterSource p = cut.parameters().addValue("coll", only);
        String oneResponse = only == null ? "" : " AND collectivite_id = :coll";
        GatheredProjects counted = new GatheredProjects();
        jdbc.query("""
                SELECT collectivite_id, count(*) AS changes,
                       count(*) FILTER (WHERE effective_at > :closes) AS after_closing,
                       max(sequence_number) AS last_sequence, max(global_index) AS through
                FROM answer_fact
                WHERE campaign_id = :c AND project_id IS NOT NULL AND %1$s <= :t%2$s
                GROUP BY collectivite_id
                """.formatted(cut.column(), oneResponse), p, (RowCallbackHandler) rs -> counted.respondent(
                rs.getString("collectivite_id"), rs.getLong("changes"), rs.getLong("after_closing"),
                rs.getLong("last_sequence"), rs.getLong("through")));
        return counted;
    }

    /**
     * Every live project of a campaign as of the cut-off, with its label and last change, folded from a
     * database cursor (which PostgreSQL keeps only within a transaction) as it streams, so that a campaign of
     * any size passes through in constant memory.
     */
    void stream(CutOff cut, ProjectSink sink) {
        ProjectFold fold = new ProjectFold(sink, null);
        ProjectFold.Rows rows = new ProjectFold.Rows(fold);
        String sql = projectsSql(cut.column(), "");
        MapSqlParameterSource p = cut.parameters();
        readOnly.executeWithoutResult(tx -> cursor.query(sql, p, (RowCallbackHandler) rows::row));
        fold.finish();
    }

    /**
     * The project facts of one response or a campaign as of T, with labels and instants (views, exports), newest
     * first per project: the order the fold relies on, as in the campaign scan's COPY.
     */
    private static String projectsSql(String k, String oneResponse) {
        return "SELECT " + ProjectFold.COLUMNS.formatted(":closes") + ", label, effective_at FROM answer_fact"
                + " WHERE campaign_id = :c AND project_id IS NOT NULL AND " + k + " <= :t" + oneResponse
                + " ORDER BY collectivite_id, project_id, " + k + " DESC, sequence_number DESC";
    }
}
