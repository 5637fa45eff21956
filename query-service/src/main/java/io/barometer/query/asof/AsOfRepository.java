package io.barometer.query.asof;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.barometer.events.CollectiviteKind;
import io.barometer.query.asof.ResponseVersions.Known;
import jakarta.annotation.PreDestroy;

/**
 * Reads the state as of an instant from the append-only fact tables: for each attribute, the latest fact
 * whose clock on the chosen basis is at or before the instant, ordered by (clock, sequence number).
 * Response-level values come from a scan in exactly that order, the first fact of each value winning;
 * projects from a scan of an index ordered per project newest first, folded as it streams (a whole
 * campaign's in two concurrent slices read as COPY streams, except the respondents whose projects, folded from
 * all their facts, are held in memory and hold as of T: see {@link FoldedResponses}). Each query reads one table,
 * so no plan can turn quadratic on stale statistics; the work grows with the facts of the campaign,
 * never with the whole store, and nothing is replayed from the event store per request.
 */
@Repository
public class AsOfRepository {

    /** Rows per round trip when an export's project facts stream from a cursor. */
    private static final int PROJECT_FETCH_SIZE = 10_000;

    /** Projects (and respondents' values) folded per respondent, at most this many held (see FoldedResponses). */
    private static final long FOLDED_ENTRIES = 1_000_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final FoldedResponses folded = new FoldedResponses(FOLDED_ENTRIES);
    /** One lock per campaign and clock, held while a synthesis folds most of its respondents. */
    private final Map<String, ReentrantLock> folding = new ConcurrentHashMap<>();
    private final TransactionTemplate readOnly;
    private final ResponseVersions versions;
    private final CampaignScan projects;

    public AsOfRepository(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        fetching.setFetchSize(PROJECT_FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(fetching);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.versions = new ResponseVersions(jdbc, transactions);
        this.projects = new CampaignScan(jdbc, versions, folded);
    }

    @PreDestroy
    void stop() {
        projects.stop();
    }

    /** The whole campaign as of {@code asOf}, for statistics: projects without ids, labels or last changes. */
    public AsOfState campaign(AsOfCampaign campaign, Instant asOf, Basis basis) {
        return load(campaign, CutOff.of(campaign, asOf, basis), null, true);
    }

    /** The respondents of a campaign as of {@code asOf} without their projects (which exports stream). */
    public AsOfState respondents(AsOfCampaign campaign, Instant asOf, Basis basis) {
        return load(campaign, CutOff.of(campaign, asOf, basis), null, false);
    }

    /**
     * Every live project of a campaign as of {@code asOf}, with its label and last change, folded from a
     * database cursor as it streams, so that a campaign of any size passes through in constant memory.
     */
    public void streamProjects(AsOfCampaign campaign, Instant asOf, Basis basis, ProjectSink sink) {
        MapSqlParameterSource p = CutOff.of(campaign, asOf, basis).parameters();
        fold(projectsSql(basis.column(), ""), p, new ProjectFold(sink, null));
    }

    /** One response as of {@code asOf}, with each project's label and last change; empty if not started then. */
    public Optional<AsOfState.Respondent> response(AsOfCampaign campaign, String collectiviteId, Instant asOf,
                                                   Basis basis) {
        AsOfState one = load(campaign, CutOff.of(campaign, asOf, basis), collectiviteId, true);
        return one.respondents().stream().findFirst();
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

    private AsOfState load(AsOfCampaign campaign, CutOff cut, String only, boolean withProjects) {
        if (only != null) {
            return read(campaign, cut, only, withProjects, null);
        }
        Known known = versions.known(cut);
        if (!withProjects || !mostlyUnfolded(cut, known)) {
            return read(campaign, cut, null, withProjects, known);
        }
        // A first synthesis folds every respondent: one at a time per campaign and clock, so that those asked at
        // the same moment (after a start, beside FoldWarmUp) wait for its entries instead of folding them again.
        ReentrantLock lock = folding.computeIfAbsent(cut.campaignId() + '\n' + cut.basis(), key -> new ReentrantLock());
        lock.lock();
        try {
            return read(campaign, cut, null, true, versions.known(cut));
        } finally {
            lock.unlock();
        }
    }

    /** Whether more than half of the respondents have no folded projects of their current version. */
    private boolean mostlyUnfolded(CutOff cut, Known known) {
        int unfolded = folded.projects(cut, known.respondents(), known.versions()).refresh().size();
        return unfolded * 2 > known.respondents().size();
    }

    /** {@code known}: given for a whole campaign (its folded respondents), null for one response. */
    private AsOfState read(AsOfCampaign campaign, CutOff cut, String only, boolean withProjects, Known known) {
        String k = cut.column();
        MapSqlParameterSource p = cut.parameters()
                .addValue("coll", only);
        String oneResponse = only == null ? "" : " AND collectivite_id = :coll";

        // A whole campaign's projects, the largest read of all, are read while the rest is: in slices of the
        // respondents started as of T, on threads of their own.
        List<Future<GatheredProjects>> slices = known != null && withProjects ? projects.start(cut, known)
                : List.of();
        try {
            Map<String, RespondentBuilder> builders = known != null ? campaignRespondents(cut, p, known)
                    : respondents(k, p, oneResponse);
            if (builders.isEmpty()) {
                return new AsOfState(campaign, cut.asOf(), cut.basis(), List.of());
            }
            places(k, p, builders);

            // The project facts count as changes too: the folds count them as they read them; without the
            // projects, one aggregate counts them.
            List<GatheredProjects> gathered = new ArrayList<>();
            if (withProjects && only != null) {
                GatheredProjects one = new GatheredProjects();
                ProjectFold fold = new ProjectFold(one, one);
                jdbc.query(projectsSql(k, oneResponse), p, new ProjectFold.Rows(fold)::row);
                fold.finish();
                gathered.add(one);
            } else if (!withProjects) {
                GatheredProjects counted = new GatheredProjects();
                jdbc.query("""
                        SELECT collectivite_id, count(*) AS changes,
                               count(*) FILTER (WHERE effective_at > :closes) AS after_closing,
                               max(sequence_number) AS last_sequence, max(global_index) AS through
                        FROM answer_fact
                        WHERE campaign_id = :c AND project_id IS NOT NULL AND %1$s <= :t%2$s
                        GROUP BY collectivite_id
                        """.formatted(k, oneResponse), p, (RowCallbackHandler) rs -> counted.respondent(
                        rs.getString("collectivite_id"), rs.getLong("changes"), rs.getLong("after_closing"),
                        rs.getLong("last_sequence"), rs.getLong("through")));
                gathered.add(counted);
            }
            gathered.addAll(CampaignScan.join(slices));

            List<AsOfState.Respondent> respondents = new ArrayList<>(builders.size());
            for (RespondentBuilder b : builders.values()) {
                for (GatheredProjects g : gathered) {
                    g.into(b);
                }
                respondents.add(b.build(cut.closesAt()));
            }
            return new AsOfState(campaign, cut.asOf(), cut.basis(), respondents);
        } finally {
            slices.forEach(f -> f.cancel(true));
        }
    }

    /**
     * Every response-level fact as of T, newest first per value: the first of each (attribute, statement) is
     * the value; all of them count as the respondent's changes. Only the respondents started as of T remain.
     */
    private Map<String, RespondentBuilder> respondents(String k, MapSqlParameterSource p, String oneResponse) {
        Map<String, RespondentBuilder> builders = new TreeMap<>();
        ResponseFold responses = new ResponseFold(builders);
        jdbc.query("""
                SELECT collectivite_id, attribute, statement, sequence_number, global_index,
                       effective_at > :closes AS after_closing, effective_at, role, works_in_digital, organisation,
                       ranking, definitions, level, submitted
                FROM answer_fact
                WHERE campaign_id = :c AND project_id IS NULL AND %1$s <= :t%2$s
                ORDER BY collectivite_id, attribute, statement, %1$s DESC, sequence_number DESC
                """.formatted(k, oneResponse), p, responses::row);
        // A value without its start cannot happen on either clock (the write side refuses it); drop it anyway.
        builders.values().removeIf(b -> b.startedAt == null);
        return builders;
    }

    /**
     * The profiles of the respondents' collectivités as of T — only theirs: the synthesis of a small campaign
     * must not read every collectivité the store knows.
     */
    private void places(String k, MapSqlParameterSource p, Map<String, RespondentBuilder> builders) {
        MapSqlParameterSource q = new MapSqlParameterSource(p.getValues())
                .addValue("respondents", builders.keySet().toArray(String[]::new));
        jdbc.query("""
                SELECT DISTINCT ON (collectivite_id) collectivite_id, name, kind, region, population,
                       max(global_index) OVER (PARTITION BY collectivite_id) AS through
                FROM collectivite_fact
                WHERE collectivite_id = ANY(:respondents) AND %1$s <= :t
                ORDER BY collectivite_id, %1$s DESC, sequence_number DESC
                """.formatted(k), q, rs -> {
            RespondentBuilder b = builders.get(rs.getString("collectivite_id"));
            if (b != null) {
                String kind = rs.getString("kind");
                b.place = new AsOfState.Place(rs.getString("name"), kind == null ? null : CollectiviteKind.valueOf(kind),
                        rs.getString("region"), (Integer) rs.getObject("population"));
                b.through = Math.max(b.through, rs.getLong("through"));
            }
        });
    }

    /**
     * The respondents of a whole campaign as of T with their response-level values, as {@link #respondents}
     * reads them, except that those whose values {@link FoldedResponses} holds, from facts that all count as of
     * T, are taken from it; of the others, those whose entry is missing or outdated have all their response-level
     * facts read and folded into a new entry in the same pass. Few left to read: a list of them; many: the
     * whole campaign, whose taken respondents are skipped.
     */
    private Map<String, RespondentBuilder> campaignRespondents(CutOff cut, MapSqlParameterSource p, Known known) {
        FoldedResponses.Plan<FoldedResponses.Values> plan = folded.values(cut, known.respondents(), known.versions());
        Map<String, RespondentBuilder> builders = new TreeMap<>();
        plan.taken().forEach((c, entry) -> builders.put(c, RespondentBuilder.of(c, entry)));
        List<String> toRead = plan.toRead();
        List<String> refresh = plan.refresh();
        if (toRead.isEmpty()) {
            return builders;
        }
        String k = cut.column();
        boolean listed = plan.listed();
        String sql = """
                SELECT collectivite_id, attribute, statement, sequence_number, global_index,
                       effective_at > :closes AS after_closing, effective_at, role, works_in_digital, organisation,
                       ranking, definitions, level, submitted, %1$s <= :t AS counts, %1$s AS clock
                FROM answer_fact
                WHERE campaign_id = :c AND project_id IS NULL%2$s%3$s
                ORDER BY collectivite_id, attribute, statement, %1$s DESC, sequence_number DESC
                """.formatted(k, listed ? " AND collectivite_id = ANY(:toRead)" : "",
                refresh.isEmpty() ? " AND " + k + " <= :t"
                        : refresh.size() == toRead.size() ? "" : " AND (" + k + " <= :t OR collectivite_id = ANY(:refresh))");
        MapSqlParameterSource q = new MapSqlParameterSource(p.getValues())
                .addValue("toRead", toRead.toArray(String[]::new))
                .addValue("refresh", refresh.toArray(String[]::new));
        Set<String> refreshed = Set.copyOf(refresh);
        Set<String> takenSet = Set.copyOf(plan.taken().keySet());
        Map<String, RespondentBuilder> all = new HashMap<>();
        ResponseFold asOfFold = new ResponseFold(builders);
        ResponseFold allFold = new ResponseFold(all);
        Map<String, Long> latest = new HashMap<>();
        Map<String, Long> refreshedVersions = versions.withFacts(cut, refresh, () -> {
            // PostgreSQL sorts what a bitmap scan found, tens of thousands of wide rows, which spilled to disk with
            // the default 4 MB of work memory, on three processes (a parallel plan) while the project slices want
            // both cores. In memory, on one.
            // A plan of its own for each list: a generic plan (after five runs of a prepared statement) searches
            // a list parameter element by element for every row instead of hashing it.
            PlannerHints.setLocal(jdbc, "work_mem = '64MB'", "max_parallel_workers_per_gather = 0",
                    "plan_cache_mode = force_custom_plan");
            jdbc.query(sql, q, (RowCallbackHandler) rs -> {
                String c = rs.getString("collectivite_id");
                if (takenSet.contains(c)) {
                    // Read with the whole campaign; its values are the entry's.
                    return;
                }
                if (rs.getBoolean("counts")) {
                    asOfFold.row(rs);
                }
                if (refreshed.contains(c)) {
                    allFold.row(rs);
                    latest.merge(c, Timestamps.micros(Timestamps.instant(rs, "clock")), Math::max);
                }
            });
        });
        builders.values().removeIf(b -> b.startedAt == null);
        for (String c : refresh) {
            RespondentBuilder b = all.get(c);
            if (b != null && b.startedAt != null && refreshedVersions.containsKey(c)) {
                folded.put(cut, c, b.values(refreshedVersions.get(c), cut.closesAt(), latest.get(c)));
            }
        }
        return builders;
    }

    /** Project facts from a cursor (which PostgreSQL keeps only within a transaction) into a fold. */
    private void fold(String sql, MapSqlParameterSource p, ProjectFold fold) {
        ProjectFold.Rows rows = new ProjectFold.Rows(fold);
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
