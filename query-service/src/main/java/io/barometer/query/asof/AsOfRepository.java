package io.barometer.query.asof;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.events.AgreementLevel;
import io.barometer.events.CollectiviteKind;
import io.barometer.events.CoordinationMode;
import io.barometer.events.DecisionMode;
import io.barometer.events.Governance;
import io.barometer.events.ManagementMode;
import io.barometer.events.Motivation;
import io.barometer.events.ProgressStatus;
import io.barometer.events.RespondentRole;
import io.barometer.query.campaign.Campaign;

/**
 * Reads the state as of an instant from the append-only fact tables: for each attribute, the latest fact
 * whose clock on the chosen basis is at or before the instant, ordered by (clock, sequence number). Each
 * query is a DISTINCT ON over an index in exactly that order, so nothing is replayed per request and the
 * work grows with the facts of the campaign, never with the whole store.
 */
@Repository
public class AsOfRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<Motivation, List<String>>> DEFINITIONS = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;

    public AsOfRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The whole campaign as of {@code asOf}, for statistics: projects without labels or last changes. */
    public AsOfState campaign(Campaign campaign, Instant asOf, Basis basis) {
        return load(campaign, asOf, basis, null, true);
    }

    /** The respondents of a campaign as of {@code asOf} without their projects (which exports stream). */
    public AsOfState respondents(Campaign campaign, Instant asOf, Basis basis) {
        return load(campaign, asOf, basis, null, false);
    }

    /** Receives the live projects of a campaign one by one, ordered by collectivité then project. */
    public interface ProjectSink {
        void accept(String collectiviteId, AsOfState.Project project);
    }

    /**
     * Every live project of a campaign as of {@code asOf}, with its label, read through a cursor so that
     * a campaign of any size passes through in constant memory. Must run inside a transaction.
     */
    public void streamProjects(Campaign campaign, Instant asOf, Basis basis, int fetchSize, ProjectSink sink) {
        MapSqlParameterSource p = new MapSqlParameterSource("c", campaign.id())
                .addValue("t", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
        org.springframework.jdbc.core.JdbcTemplate cursor = new org.springframework.jdbc.core.JdbcTemplate(
                jdbc.getJdbcTemplate().getDataSource());
        cursor.setFetchSize(fetchSize);
        new NamedParameterJdbcTemplate(cursor).query(projectsSql(basis.column(), false, true), p,
                (org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        sink.accept(rs.getString("collectivite_id"), project(rs, true, null)));
    }

    /** One response as of {@code asOf}, with each project's label and last change; empty if not started then. */
    public Optional<AsOfState.Respondent> response(Campaign campaign, String collectiviteId, Instant asOf, Basis basis) {
        return load(campaign, asOf, basis, collectiviteId, true).respondents().stream().findFirst();
    }

    /** The version of a response the projection holds (highest sequence number + 1), whatever the clocks. */
    public long projectedVersion(String campaignId, String collectiviteId) {
        Long last = jdbc.queryForObject("""
                SELECT max(sequence_number) FROM answer_fact WHERE campaign_id = :c AND collectivite_id = :coll
                """, new MapSqlParameterSource("c", campaignId).addValue("coll", collectiviteId), Long.class);
        return last == null ? 0 : last + 1;
    }

    /** {respondents started, live projects} of a campaign as of {@code asOf}: cheaper than the whole state. */
    public long[] counts(String campaignId, Instant asOf, Basis basis) {
        String k = basis.column();
        MapSqlParameterSource p = new MapSqlParameterSource("c", campaignId)
                .addValue("t", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM answer_fact
                        WHERE campaign_id = :c AND change = 'ResponseStarted' AND %1$s <= :t) AS respondents,
                       (SELECT count(*) FROM answer_fact d
                        WHERE d.campaign_id = :c AND d.change = 'ProjectDeclared' AND d.%1$s <= :t
                          AND NOT EXISTS (SELECT 1 FROM answer_fact w
                                          WHERE w.campaign_id = :c AND w.change = 'ProjectWithdrawn'
                                            AND w.collectivite_id = d.collectivite_id
                                            AND w.project_id = d.project_id AND w.%1$s <= :t)) AS projects
                """.formatted(k), p, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    private AsOfState load(Campaign campaign, Instant asOf, Basis basis, String only, boolean withProjects) {
        String k = basis.column();
        MapSqlParameterSource p = new MapSqlParameterSource("c", campaign.id())
                .addValue("t", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC))
                .addValue("closes", OffsetDateTime.ofInstant(campaign.closesAt(), ZoneOffset.UTC))
                .addValue("coll", only);
        String oneResponse = only == null ? "" : " AND collectivite_id = :coll";

        Map<String, Builder> builders = new TreeMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (collectivite_id, attribute, statement)
                       collectivite_id, attribute, statement, effective_at, role, works_in_digital, organisation,
                       ranking, definitions, level, submitted
                FROM answer_fact
                WHERE campaign_id = :c AND project_id IS NULL AND %1$s <= :t%2$s
                ORDER BY collectivite_id, attribute, statement, %1$s DESC, sequence_number DESC
                """.formatted(k, oneResponse), p, rs -> {
            String collectivite = rs.getString("collectivite_id");
            Builder b = builders.computeIfAbsent(collectivite, Builder::new);
            switch (rs.getString("attribute")) {
                case Attribute.STARTED -> b.startedAt = instant(rs, "effective_at");
                case Attribute.PROFILE -> b.profile = new AsOfState.Profile(
                        RespondentRole.valueOf(rs.getString("role")), rs.getBoolean("works_in_digital"),
                        rs.getString("organisation"));
                case Attribute.MOTIVATIONS -> b.motivations = new AsOfState.Ranking(
                        ranking(rs.getString("ranking")), definitions(rs.getString("definitions")));
                case Attribute.ACTOR -> b.actors.put(rs.getString("statement"),
                        AgreementLevel.valueOf(rs.getString("level")));
                case Attribute.SUBMISSION -> {
                    b.submitted = rs.getBoolean("submitted");
                    b.submittedAt = b.submitted ? instant(rs, "effective_at") : null;
                }
                default -> throw new IllegalStateException("unknown attribute " + rs.getString("attribute"));
            }
        });
        // A value without its start cannot happen on either clock (the write side refuses it); drop it anyway.
        builders.values().removeIf(b -> b.startedAt == null);
        if (builders.isEmpty()) {
            return new AsOfState(campaign, asOf, basis, List.of());
        }

        jdbc.query("""
                SELECT collectivite_id, count(*) AS changes,
                       count(*) FILTER (WHERE effective_at > :closes) AS after_closing,
                       max(sequence_number) AS last_sequence, max(global_index) AS through
                FROM answer_fact
                WHERE campaign_id = :c AND %1$s <= :t%2$s
                GROUP BY collectivite_id
                """.formatted(k, oneResponse), p, rs -> {
            Builder b = builders.get(rs.getString("collectivite_id"));
            if (b != null) {
                b.changes = rs.getLong("changes");
                b.changesAfterClosing = rs.getLong("after_closing");
                b.version = rs.getLong("last_sequence") + 1;
                b.through = Math.max(b.through, rs.getLong("through"));
            }
        });

        jdbc.query("""
                SELECT DISTINCT ON (collectivite_id) collectivite_id, name, kind, region, population,
                       max(global_index) OVER (PARTITION BY collectivite_id) AS through
                FROM collectivite_fact
                WHERE %1$s <= :t%2$s
                ORDER BY collectivite_id, %1$s DESC, sequence_number DESC
                """.formatted(k, oneResponse), p, rs -> {
            Builder b = builders.get(rs.getString("collectivite_id"));
            if (b != null) {
                String kind = rs.getString("kind");
                b.place = new AsOfState.Place(rs.getString("name"), kind == null ? null : CollectiviteKind.valueOf(kind),
                        rs.getString("region"), (Integer) rs.getObject("population"));
                b.through = Math.max(b.through, rs.getLong("through"));
            }
        });

        Map<String, Instant> lastChanges = only == null ? Map.of() : lastChanges(k, p);
        if (withProjects) {
            jdbc.query(projectsSql(k, only != null, only != null), p, rs -> {
                Builder b = builders.get(rs.getString("collectivite_id"));
                if (b != null) {
                    b.projects.add(project(rs, only != null, lastChanges));
                }
            });
        }

        List<AsOfState.Respondent> respondents = new ArrayList<>(builders.size());
        for (Builder b : builders.values()) {
            respondents.add(b.build(campaign.closesAt()));
        }
        return new AsOfState(campaign, asOf, basis, respondents);
    }

    private static AsOfState.Project project(ResultSet rs, boolean withLabel, Map<String, Instant> lastChanges)
            throws SQLException {
        String projectId = rs.getString("project_id");
        return new AsOfState.Project(projectId, rs.getString("domain"), rs.getString("catalogue_item"),
                withLabel ? rs.getString("label") : null, enumOf(ProgressStatus.class, rs.getString("status")),
                new Governance(smallint(rs, "measure"), smallint(rs, "means"),
                        enumOf(ManagementMode.class, rs.getString("management_mode")),
                        enumOf(DecisionMode.class, rs.getString("decision_mode")),
                        enumOf(CoordinationMode.class, rs.getString("coordination"))),
                lastChanges == null ? null : lastChanges.get(projectId));
    }

    /**
     * Live projects: declared as of T, not withdrawn as of T, with the status and the governance of their
     * latest fact setting each. The four parts are sorted alike, so they merge without sorting again.
     */
    private static String projectsSql(String k, boolean oneResponse, boolean withLabel) {
        String filter = oneResponse ? " AND collectivite_id = :coll" : "";
        return """
                WITH declared AS (
                    SELECT collectivite_id, project_id, domain, catalogue_item%3$s
                    FROM answer_fact
                    WHERE campaign_id = :c AND change = 'ProjectDeclared' AND %1$s <= :t%2$s
                ), status AS (
                    SELECT DISTINCT ON (collectivite_id, project_id) collectivite_id, project_id, status
                    FROM answer_fact
                    WHERE campaign_id = :c AND change IN ('ProjectDeclared', 'ProgressUpdated') AND %1$s <= :t%2$s
                    ORDER BY collectivite_id, project_id, %1$s DESC, sequence_number DESC
                ), governance AS (
                    SELECT DISTINCT ON (collectivite_id, project_id) collectivite_id, project_id,
                           measure, means, management_mode, decision_mode, coordination
                    FROM answer_fact
                    WHERE campaign_id = :c AND change IN ('ProjectDeclared', 'GovernanceScored') AND %1$s <= :t%2$s
                    ORDER BY collectivite_id, project_id, %1$s DESC, sequence_number DESC
                ), withdrawn AS (
                    SELECT collectivite_id, project_id
                    FROM answer_fact
                    WHERE campaign_id = :c AND change = 'ProjectWithdrawn' AND %1$s <= :t%2$s
                )
                SELECT d.collectivite_id, d.project_id, d.domain, d.catalogue_item%4$s, s.status,
                       g.measure, g.means, g.management_mode, g.decision_mode, g.coordination
                FROM declared d
                JOIN status s USING (collectivite_id, project_id)
                JOIN governance g USING (collectivite_id, project_id)
                WHERE NOT EXISTS (SELECT 1 FROM withdrawn w
                                  WHERE w.collectivite_id = d.collectivite_id AND w.project_id = d.project_id)
                ORDER BY d.collectivite_id, d.project_id
                """.formatted(k, filter, withLabel ? ", label" : "", withLabel ? ", d.label" : "");
    }

    /** Per project of one response: the effective instant of its latest change as of T. */
    private Map<String, Instant> lastChanges(String k, MapSqlParameterSource p) {
        Map<String, Instant> last = new HashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (project_id) project_id, effective_at
                FROM answer_fact
                WHERE campaign_id = :c AND collectivite_id = :coll AND project_id IS NOT NULL AND %1$s <= :t
                ORDER BY project_id, %1$s DESC, sequence_number DESC
                """.formatted(k), p, rs -> {
            last.put(rs.getString("project_id"), instant(rs, "effective_at"));
        });
        return last;
    }

    private static final class Builder {
        final String collectiviteId;
        Instant startedAt;
        AsOfState.Place place;
        AsOfState.Profile profile;
        final List<AsOfState.Project> projects = new ArrayList<>();
        AsOfState.Ranking motivations;
        final TreeMap<String, AgreementLevel> actors = new TreeMap<>();
        boolean submitted;
        Instant submittedAt;
        long changes;
        long changesAfterClosing;
        long version;
        long through;

        Builder(String collectiviteId) {
            this.collectiviteId = collectiviteId;
        }

        AsOfState.Respondent build(Instant closesAt) {
            return new AsOfState.Respondent(collectiviteId, startedAt, startedAt.isAfter(closesAt), place, profile,
                    List.copyOf(projects), motivations, actors, submitted, submittedAt, changes, changesAfterClosing,
                    version, through);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Integer smallint(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    static List<Motivation> ranking(String value) {
        return Arrays.stream(value.split(",")).map(Motivation::valueOf).toList();
    }

    static Map<Motivation, List<String>> definitions(String value) {
        if (value == null) {
            return Map.of();
        }
        try {
            Map<Motivation, List<String>> read = JSON.readValue(value, DEFINITIONS);
            return read.isEmpty() ? Map.of() : new EnumMap<>(read);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable definitions " + value, e);
        }
    }
}
