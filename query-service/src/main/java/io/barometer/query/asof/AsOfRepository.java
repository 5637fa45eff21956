package io.barometer.query.asof;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

import io.barometer.query.asof.ResponseVersions.Known;
import jakarta.annotation.PreDestroy;

/** The reads as of a cut-off that the controllers call (how they read the facts: docs/query-service.md). */
@Repository
public class AsOfRepository {

    /** Projects (and respondents' values) folded per respondent, at most this many held (see FoldedResponses). */
    private static final long FOLDED_ENTRIES = 1_000_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final FoldedResponses folded = new FoldedResponses(FOLDED_ENTRIES);
    /** One lock per campaign and clock, held while a synthesis folds most of its respondents. */
    private final Map<String, ReentrantLock> folding = new ConcurrentHashMap<>();
    private final ResponseVersions versions;
    private final ResponseScan responses;
    private final CampaignScan campaignScan;
    private final ProjectRows projectRows;

    public AsOfRepository(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.versions = new ResponseVersions(jdbc, transactions);
        this.responses = new ResponseScan(jdbc, versions, folded);
        this.campaignScan = new CampaignScan(jdbc, versions, folded);
        this.projectRows = new ProjectRows(jdbc, transactions);
    }

    @PreDestroy
    void stop() {
        campaignScan.stop();
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
        projectRows.stream(CutOff.of(campaign, asOf, basis), sink);
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
        // A whole campaign's projects, the largest read of all, are read while the rest is: in slices of the
        // respondents started as of T, on threads of their own.
        List<Future<GatheredProjects>> slices = known != null && withProjects ? campaignScan.start(cut, known)
                : List.of();
        try {
            Map<String, RespondentBuilder> builders = known != null ? responses.campaign(cut, known)
                    : responses.read(cut, only);
            if (builders.isEmpty()) {
                return new AsOfState(campaign, cut.asOf(), cut.basis(), List.of());
            }
            responses.places(cut, builders);

            // The project facts count as changes too: the folds count them as they read them; without the
            // projects, one aggregate counts them.
            List<GatheredProjects> gathered = new ArrayList<>();
            if (withProjects && only != null) {
                gathered.add(projectRows.ofResponse(cut, only));
            } else if (!withProjects) {
                gathered.add(projectRows.counted(cut, only));
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
}
