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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
import jakarta.annotation.PreDestroy;

/**
 * Reads the state as of an instant from the append-only fact tables: for each attribute, the latest fact
 * whose clock on the chosen basis is at or before the instant, ordered by (clock, sequence number).
 * Response-level values come from a DISTINCT ON over an index in exactly that order; projects from one
 * scan of an index ordered per project newest first, folded as it streams. Each query reads one table,
 * so no plan can turn quadratic on stale statistics; the work grows with the facts of the campaign,
 * never with the whole store, and nothing is replayed from the event store per request.
 */
@Repository
public class AsOfRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<Motivation, List<String>>> DEFINITIONS = new TypeReference<>() {
    };

    /** Rows per round trip when a campaign's project facts stream from a cursor. */
    private static final int PROJECT_FETCH_SIZE = 10_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    /** The second half of each whole-campaign project scan; bounded, so that many syntheses queue, not pile up. */
    private final ExecutorService scans = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "campaign-scan");
        t.setDaemon(true);
        return t;
    });

    public AsOfRepository(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        fetching.setFetchSize(PROJECT_FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(fetching);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @PreDestroy
    void stop() {
        scans.shutdownNow();
    }

    /** The whole campaign as of {@code asOf}, for statistics: projects without labels or last changes. */
    public AsOfState campaign(Campaign campaign, Instant asOf, Basis basis) {
        return load(campaign, asOf, basis, null, true);
    }

    /** The respondents of a campaign as of {@code asOf} without their projects (which exports stream). */
    public AsOfState respondents(Campaign campaign, Instant asOf, Basis basis) {
        return load(campaign, asOf, basis, null, false);
    }

    /** Receives the live projects of a campaign one by one, grouped by collectivité. */
    public interface ProjectSink {
        void accept(String collectiviteId, AsOfState.Project project);
    }

    /**
     * Every live project of a campaign as of {@code asOf}, with its label and last change, folded from a
     * database cursor as it streams, so that a campaign of any size passes through in constant memory.
     */
    public void streamProjects(Campaign campaign, Instant asOf, Basis basis, ProjectSink sink) {
        MapSqlParameterSource p = new MapSqlParameterSource("c", campaign.id())
                .addValue("t", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
        fold(projectsSql(basis.column(), "", true), p, new ProjectFold(sink, true));
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
        // A withdrawal never counts before its declaration on either clock (the write side sees to it), so
        // the live projects are the declarations less the withdrawals.
        return jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE project_id IS NULL AND attribute = 'started') AS respondents,
                       count(*) FILTER (WHERE change = 'ProjectDeclared')
                           - count(*) FILTER (WHERE change = 'ProjectWithdrawn') AS projects
                FROM answer_fact
                WHERE campaign_id = :c AND %1$s <= :t
                  AND change IN ('ResponseStarted', 'ProjectDeclared', 'ProjectWithdrawn')
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

        // Only the respondents' profiles: the synthesis of a small campaign must not read every collectivité
        // the store knows.
        p.addValue("respondents", builders.keySet().toArray(String[]::new));
        jdbc.query("""
                SELECT DISTINCT ON (collectivite_id) collectivite_id, name, kind, region, population,
                       max(global_index) OVER (PARTITION BY collectivite_id) AS through
                FROM collectivite_fact
                WHERE collectivite_id = ANY(:respondents) AND %1$s <= :t
                ORDER BY collectivite_id, %1$s DESC, sequence_number DESC
                """.formatted(k), p, rs -> {
            Builder b = builders.get(rs.getString("collectivite_id"));
            if (b != null) {
                String kind = rs.getString("kind");
                b.place = new AsOfState.Place(rs.getString("name"), kind == null ? null : CollectiviteKind.valueOf(kind),
                        rs.getString("region"), (Integer) rs.getObject("population"));
                b.through = Math.max(b.through, rs.getLong("through"));
            }
        });

        if (withProjects) {
            ProjectSink sink = (collectivite, project) -> {
                Builder b = builders.get(collectivite);
                if (b != null) {
                    b.projects.add(project);
                }
            };
            if (only != null) {
                ProjectFold fold = new ProjectFold(sink, true);
                jdbc.query(projectsSql(k, oneResponse, true), p, fold::row);
                fold.finish();
            } else {
                scanProjects(k, p, new ArrayList<>(builders.keySet()), sink);
            }
        }

        List<AsOfState.Respondent> respondents = new ArrayList<>(builders.size());
        for (Builder b : builders.values()) {
            respondents.add(b.build(campaign.closesAt()));
        }
        return new AsOfState(campaign, asOf, basis, respondents);
    }

    /**
     * A whole campaign's project facts, the largest read of all, in two halves of its respondents read at
     * once (a PostgreSQL backend and a JVM thread each: the two cores), each from a cursor (which PostgreSQL
     * keeps only within a transaction) and folded while the server still sends it. The halves share no
     * respondent, so the sink never sees one respondent from two threads.
     */
    private void scanProjects(String k, MapSqlParameterSource p, List<String> respondents, ProjectSink sink) {
        p.addValue("middle", respondents.get(respondents.size() / 2));
        Future<?> upper = scans.submit(() -> scanProjects(k, p, " AND collectivite_id >= :middle", sink));
        try {
            scanProjects(k, p, " AND collectivite_id < :middle", sink);
            upper.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            upper.cancel(true);
            throw new IllegalStateException("interrupted while reading a campaign's projects", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            upper.cancel(true);
            throw e;
        }
    }

    private void scanProjects(String k, MapSqlParameterSource p, String half, ProjectSink sink) {
        fold(projectsSql(k, half, false), p, new ProjectFold(sink, false));
    }

    /** Project facts from a cursor (which PostgreSQL keeps only within a transaction) into a fold. */
    private void fold(String sql, MapSqlParameterSource p, ProjectFold fold) {
        readOnly.executeWithoutResult(tx -> cursor.query(sql, p, (RowCallbackHandler) fold::row));
        fold.finish();
    }

    /** Every project fact of a campaign as of T, newest first per project: what {@link ProjectFold} reads. */
    private static String projectsSql(String k, String oneResponse, boolean details) {
        return """
                SELECT collectivite_id, project_id, change, domain, catalogue_item%3$s, status, measure, means,
                       management_mode, decision_mode, coordination, effective_at
                FROM answer_fact
                WHERE campaign_id = :c AND project_id IS NOT NULL AND %1$s <= :t%2$s
                ORDER BY collectivite_id, project_id, %1$s DESC, sequence_number DESC
                """.formatted(k, oneResponse, details ? ", label" : "");
    }

    /**
     * Folds a campaign's project facts, read newest first per project, into its live projects: the first fact
     * setting the status (a declaration or a progress update) gives the status, the first setting the
     * governance (a declaration or a scoring) the governance; a project counts if declared and not withdrawn
     * as of T. The first fact of all is the project's last change.
     */
    private static final class ProjectFold {
        private final ProjectSink sink;
        private final boolean details;
        private String collectivite;
        private String project;
        private boolean declared;
        private boolean withdrawn;
        private boolean statusSet;
        private boolean governanceSet;
        private String domain;
        private String catalogueItem;
        private String label;
        private ProgressStatus status;
        private Governance governance;
        private Instant lastChangedAt;

        ProjectFold(ProjectSink sink, boolean details) {
            this.sink = sink;
            this.details = details;
        }

        /** Repeated values (collectivité ids, domains, items) shared rather than one copy per project. */
        private final Map<String, String> strings = new HashMap<>();

        /** Columns by position, in the order of {@link #projectsSql}: a name lookup per value was visible. */
        void row(ResultSet rs) throws SQLException {
            int o = details ? 1 : 0;
            String c = rs.getString(1);
            String pr = rs.getString(2);
            if (!c.equals(collectivite) || !pr.equals(project)) {
                finish();
                collectivite = shared(c);
                project = pr;
                declared = withdrawn = statusSet = governanceSet = false;
                status = null;
                governance = null;
                lastChangedAt = details ? instant(rs, 12 + o) : null;
            }
            String change = rs.getString(3);
            switch (change) {
                case "ProjectDeclared" -> {
                    declared = true;
                    domain = shared(rs.getString(4));
                    catalogueItem = shared(rs.getString(5));
                    label = details ? rs.getString(6) : null;
                    setStatus(rs, o);
                    setGovernance(rs, o);
                }
                case "ProgressUpdated" -> setStatus(rs, o);
                case "GovernanceScored" -> setGovernance(rs, o);
                case "ProjectWithdrawn" -> withdrawn = true;
                default -> throw new IllegalStateException("unknown project change " + change);
            }
        }

        private String shared(String value) {
            return value == null ? null : strings.computeIfAbsent(value, v -> v);
        }

        private void setStatus(ResultSet rs, int o) throws SQLException {
            if (!statusSet) {
                statusSet = true;
                status = enumOf(ProgressStatus.class, rs.getString(6 + o));
            }
        }

        private void setGovernance(ResultSet rs, int o) throws SQLException {
            if (!governanceSet) {
                governanceSet = true;
                governance = new Governance(smallint(rs, 7 + o), smallint(rs, 8 + o),
                        enumOf(ManagementMode.class, rs.getString(9 + o)),
                        enumOf(DecisionMode.class, rs.getString(10 + o)),
                        enumOf(CoordinationMode.class, rs.getString(11 + o)));
                if (governance.isEmpty()) {
                    governance = Governance.NONE;
                }
            }
        }

        void finish() {
            if (project == null || !declared || withdrawn) {
                return;
            }
            sink.accept(collectivite, new AsOfState.Project(project, domain, catalogueItem, label, status,
                    governance == null ? Governance.NONE : governance, lastChangedAt));
            project = null;
        }
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

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Integer smallint(ResultSet rs, int column) throws SQLException {
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
