package io.barometer.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.query.people.PersonNames;

/**
 * The audit, read from the same append-only fact tables as the views: each event expands into the fields
 * it changed, with the value that stood before it on the effective clock (the previous fact of the same
 * attribute), labelled against the campaign's current deadline. Nothing is stored twice.
 */
@Repository
public class AuditRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Answer changes to a project: its declaration, status, governance fields and withdrawal. */
    private static final String PROJECT_CHANGES = """
            SELECT f.global_index, f.campaign_id, f.collectivite_id, f.project_id::text AS project_id, NULL AS statement,
                   f.change, f.effective_at, f.recorded_at, f.sequence_number,
                   v.ord, v.field, v.old_value, v.new_value
            FROM answer_fact f
            LEFT JOIN LATERAL (
                SELECT p.status, p.measure, p.means, p.management_mode, p.decision_mode, p.coordination
                FROM answer_fact p
                WHERE p.campaign_id = f.campaign_id AND p.collectivite_id = f.collectivite_id
                  AND p.attribute = 'project' AND p.statement = '' AND p.project_id = f.project_id
                  AND p.change = ANY (CASE f.change
                          WHEN 'ProgressUpdated' THEN ARRAY['ProjectDeclared', 'ProgressUpdated']
                          WHEN 'GovernanceScored' THEN ARRAY['ProjectDeclared', 'GovernanceScored']
                          ELSE ARRAY[]::varchar[] END)
                  AND (p.effective_at, p.sequence_number) < (f.effective_at, f.sequence_number)
                ORDER BY p.effective_at DESC, p.sequence_number DESC
                LIMIT 1) p ON true
            CROSS JOIN LATERAL (VALUES
                (0, 'project', NULL,
                    CASE WHEN f.change = 'ProjectDeclared' THEN json_build_object('domain', f.domain,
                        'catalogueItem', f.catalogue_item, 'label', f.label)::text END),
                (1, 'status', p.status, f.status),
                (2, 'measure', p.measure::text, f.measure::text),
                (3, 'means', p.means::text, f.means::text),
                (4, 'managementMode', p.management_mode, f.management_mode),
                (5, 'decisionMode', p.decision_mode, f.decision_mode),
                (6, 'coordination', p.coordination, f.coordination),
                (7, 'withdrawn', 'false', 'true')
            ) v(ord, field, old_value, new_value)
            WHERE f.project_id IS NOT NULL %1$s
              AND CASE v.field
                    WHEN 'project' THEN f.change = 'ProjectDeclared'
                    WHEN 'withdrawn' THEN f.change = 'ProjectWithdrawn'
                    WHEN 'status' THEN f.change IN ('ProjectDeclared', 'ProgressUpdated')
                    ELSE f.change IN ('ProjectDeclared', 'GovernanceScored') END
              AND (v.field IN ('project', 'withdrawn') OR v.old_value IS DISTINCT FROM v.new_value)
            """;

    /** Answer changes to the response itself: start, profile, motivations, actor statements, submission. */
    private static final String RESPONSE_CHANGES = """
            SELECT f.global_index, f.campaign_id, f.collectivite_id, NULL AS project_id, NULLIF(f.statement, '') AS statement,
                   f.change, f.effective_at, f.recorded_at, f.sequence_number,
                   v.ord, v.field, v.old_value, v.new_value
            FROM answer_fact f
            LEFT JOIN LATERAL (
                SELECT p.role, p.works_in_digital, p.organisation, p.ranking, p.definitions, p.level, p.submitted
                FROM answer_fact p
                WHERE p.campaign_id = f.campaign_id AND p.collectivite_id = f.collectivite_id
                  AND p.attribute = f.attribute AND p.statement = f.statement AND p.project_id IS NULL
                  AND (p.effective_at, p.sequence_number) < (f.effective_at, f.sequence_number)
                ORDER BY p.effective_at DESC, p.sequence_number DESC
                LIMIT 1) p ON true
            CROSS JOIN LATERAL (VALUES
                (0, 'started', NULL, 'true'),
                (1, 'role', p.role, f.role),
                (2, 'worksInDigital', p.works_in_digital::text, f.works_in_digital::text),
                (3, 'organisation', p.organisation, f.organisation),
                (4, 'ranking', p.ranking, f.ranking),
                (5, 'definitions', p.definitions, f.definitions),
                (6, 'level', p.level, f.level),
                (7, 'submitted', coalesce(p.submitted, false)::text, f.submitted::text)
            ) v(ord, field, old_value, new_value)
            WHERE f.project_id IS NULL %1$s
              AND CASE f.attribute
                    WHEN 'started' THEN v.field = 'started'
                    WHEN 'profile' THEN v.field IN ('role', 'worksInDigital', 'organisation')
                    WHEN 'motivations' THEN v.field IN ('ranking', 'definitions')
                    WHEN 'actor' THEN v.field = 'level'
                    ELSE v.field = 'submitted' END
              AND (v.field = 'started' OR v.old_value IS DISTINCT FROM v.new_value)
            """;

    /** Corrections of a collectivité's profile (the INSEE population fixes among them). */
    private static final String COLLECTIVITE_CHANGES = """
            SELECT c.global_index, NULL AS campaign_id, c.collectivite_id, NULL AS project_id, NULL AS statement,
                   c.change, c.effective_at, c.recorded_at, c.sequence_number,
                   v.ord, v.field, v.old_value, v.new_value
            FROM collectivite_fact c
            LEFT JOIN LATERAL (
                SELECT p.name, p.kind, p.region, p.population, p.parent_id
                FROM collectivite_fact p
                WHERE p.collectivite_id = c.collectivite_id
                  AND (p.effective_at, p.sequence_number) < (c.effective_at, c.sequence_number)
                ORDER BY p.effective_at DESC, p.sequence_number DESC
                LIMIT 1) p ON true
            CROSS JOIN LATERAL (VALUES
                (0, 'name', p.name, c.name),
                (1, 'kind', p.kind, c.kind),
                (2, 'region', p.region, c.region),
                (3, 'population', p.population::text, c.population::text),
                (4, 'parentId', p.parent_id, c.parent_id)
            ) v(ord, field, old_value, new_value)
            WHERE c.change = 'CollectiviteProfileCorrected' %1$s
              AND v.old_value IS DISTINCT FROM v.new_value
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonNames people;

    public AuditRepository(NamedParameterJdbcTemplate jdbc, PersonNames people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    public AuditPage page(AuditQuery q) {
        MapSqlParameterSource p = parameters(q);
        long total = jdbc.queryForObject("SELECT count(*) FROM (" + union(q) + ") changes", p, Long.class);
        List<AuditRow> rows = new ArrayList<>();
        jdbc.query(pageSql(q), p, rs -> {
            rows.add(row(rs));
        });
        Set<String> ids = new HashSet<>();
        for (AuditRow row : rows) {
            ids.add(row.userId());
            ids.add(row.importedBy());
        }
        Map<String, String> names = people.displayNames(ids);
        rows.replaceAll(row -> row.named(names));
        return new AuditPage(rows, q.page(), q.size(), total, null);
    }

    /** PostgreSQL's plan for a page of this query: how operators (and a test) check that indexes are used. */
    public List<String> plan(AuditQuery q) {
        return jdbc.queryForList("EXPLAIN " + pageSql(q), parameters(q), String.class);
    }

    private static MapSqlParameterSource parameters(AuditQuery q) {
        return new MapSqlParameterSource()
                .addValue("campaign", q.campaign())
                .addValue("collectivite", q.collectivite())
                .addValue("users", q.users() == null ? null : q.users().toArray(String[]::new))
                .addValue("project", q.project())
                .addValue("from", utc(q.from()))
                .addValue("to", utc(q.to()))
                .addValue("limit", q.size())
                .addValue("offset", (long) q.page() * q.size());
    }

    private static String pageSql(AuditQuery q) {
        String union = union(q);
        String clock = q.clock().column();
        String order = q.oldestFirst()
                ? "x.effective_at, x.sequence_number, x.global_index, x.ord"
                : "x.%1$s DESC, x.global_index DESC, x.ord".formatted(clock);
        return """
                WITH page AS (
                    SELECT * FROM (%1$s) x ORDER BY %2$s LIMIT :limit OFFSET :offset
                )
                SELECT x.*, w.user_id, w.user_role, w.on_behalf_of, w.reason, w.source, w.imported_by,
                       CASE WHEN x.campaign_id IS NULL THEN NULL
                            WHEN s.effective_at > k.closes_at THEN 'LATE_SUBMISSION'
                            WHEN x.effective_at > k.closes_at THEN 'POST_DEADLINE_EDIT'
                            ELSE 'ON_TIME' END AS timeliness
                FROM page x
                -- Each look-up below is keyed by the row it completes: one index probe per row of the page.
                LEFT JOIN LATERAL (
                    SELECT a.user_id, a.user_role, a.on_behalf_of, a.reason, a.source, a.imported_by
                    FROM answer_attribution a WHERE a.global_index = x.global_index AND x.campaign_id IS NOT NULL
                    UNION ALL
                    SELECT c.user_id, c.user_role, NULL, c.reason, c.source, c.imported_by
                    FROM collectivite_fact c WHERE c.global_index = x.global_index AND x.campaign_id IS NULL
                ) w ON true
                LEFT JOIN LATERAL (
                    SELECT closes_at FROM campaign_fact k
                    WHERE k.campaign_id = x.campaign_id ORDER BY k.sequence_number DESC LIMIT 1
                ) k ON true
                LEFT JOIN LATERAL (
                    SELECT s.effective_at FROM answer_fact s
                    WHERE s.campaign_id = x.campaign_id AND s.collectivite_id = x.collectivite_id
                      AND s.attribute = 'started' AND s.statement = '' AND s.project_id IS NULL
                    ORDER BY s.effective_at LIMIT 1
                ) s ON true
                ORDER BY %2$s
                """.formatted(union, order);
    }

    /** The three kinds of change, each filtered before its lateral look-ups so that indexes do the work. */
    private static String union(AuditQuery q) {
        String clock = q.clock().column();
        StringBuilder answers = new StringBuilder();
        if (q.campaign() != null) {
            answers.append(" AND f.campaign_id = :campaign");
        }
        if (q.collectivite() != null) {
            answers.append(" AND f.collectivite_id = :collectivite");
        }
        if (q.users() != null) {
            answers.append(" AND f.global_index IN (SELECT global_index FROM answer_attribution")
                    .append(" WHERE user_id = ANY (:users))");
        }
        if (q.from() != null) {
            answers.append(" AND f.").append(clock).append(" >= :from");
        }
        if (q.to() != null) {
            answers.append(" AND f.").append(clock).append(" <= :to");
        }
        StringBuilder sql = new StringBuilder();
        if (q.project() != null) {
            return PROJECT_CHANGES.formatted(answers + " AND f.project_id = :project");
        }
        sql.append(PROJECT_CHANGES.formatted(answers)).append(" UNION ALL ").append(RESPONSE_CHANGES.formatted(answers));
        // A collectivité's corrections belong to no campaign: they show in an audit of that collectivité, or
        // in one across campaigns, not in every campaign's.
        if (q.campaign() == null || q.collectivite() != null) {
            StringBuilder own = new StringBuilder();
            if (q.collectivite() != null) {
                own.append(" AND c.collectivite_id = :collectivite");
            }
            if (q.users() != null) {
                own.append(" AND c.user_id = ANY (:users)");
            }
            if (q.from() != null) {
                own.append(" AND c.").append(clock).append(" >= :from");
            }
            if (q.to() != null) {
                own.append(" AND c.").append(clock).append(" <= :to");
            }
            sql.append(" UNION ALL ").append(COLLECTIVITE_CHANGES.formatted(own));
        }
        return sql.toString();
    }

    private static AuditRow row(ResultSet rs) throws SQLException {
        String field = rs.getString("field");
        return new AuditRow(rs.getLong("global_index"), instant(rs, "recorded_at"), instant(rs, "effective_at"),
                rs.getString("user_id"), null, rs.getString("user_role"), rs.getString("on_behalf_of"),
                rs.getString("reason"), rs.getString("source"), rs.getString("imported_by"), null,
                rs.getString("campaign_id"),
                rs.getString("collectivite_id"), rs.getString("project_id"), rs.getString("statement"),
                rs.getString("change"), field, value(field, rs.getString("old_value")),
                value(field, rs.getString("new_value")), rs.getString("timeliness"));
    }

    /** Values come out of SQL as text; the JSON answer gives each field its own type. */
    static Object value(String field, String text) {
        if (text == null) {
            return null;
        }
        return switch (field) {
            case "measure", "means", "population" -> Integer.valueOf(text);
            case "worksInDigital", "submitted", "started", "withdrawn" -> Boolean.valueOf(text);
            case "ranking" -> Arrays.asList(text.split(","));
            case "project", "definitions" -> {
                try {
                    yield JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("unreadable " + field + ": " + text, e);
                }
            }
            default -> text;
        };
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
