package io.barometer.query.asof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.barometer.query.asof.ResponseVersions.Known;

/** A whole campaign's projects as of a cut-off: the folded entries that hold, the rest read in concurrent slices. */
final class CampaignScan {

    /** Slices of a whole-campaign project scan read at once: PostgreSQL produces one while the other is folded. */
    private static final int SLICES = 2;

    private final NamedParameterJdbcTemplate jdbc;
    private final ResponseVersions versions;
    private final FoldedResponses folded;
    /** Runs the slices of whole-campaign project scans; bounded, so that many syntheses queue, not pile up. */
    private final ExecutorService scans = Executors.newFixedThreadPool(SLICES, r -> {
        Thread t = new Thread(r, "campaign-scan");
        t.setDaemon(true);
        return t;
    });

    CampaignScan(NamedParameterJdbcTemplate jdbc, ResponseVersions versions, FoldedResponses folded) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.folded = folded;
    }

    void stop() {
        scans.shutdownNow();
    }

    /**
     * Starts reading a whole campaign's projects as of the cut-off, as the plan says: the respondents taken from
     * their entries at once, the others in slices on the scan pool, and those to refresh with all their facts, so
     * that their entries are folded again in the same pass. Few to read: each slice is a list of them; many: a
     * range of the campaign's respondents in the index's order, whose taken respondents the fold skips.
     */
    List<Future<GatheredProjects>> start(CutOff cut, Known known) {
        List<String> respondents = known.respondents();
        FoldedResponses.Plan<FoldedResponses.Projects> plan = folded.projects(cut, respondents, known.versions());
        GatheredProjects held = new GatheredProjects();
        plan.taken().forEach(held::add);
        List<Future<GatheredProjects>> futures = new ArrayList<>(SLICES + 1);
        futures.add(CompletableFuture.completedFuture(held));
        if (plan.toRead().isEmpty()) {
            return futures;
        }
        Set<String> takenSet = Set.copyOf(plan.taken().keySet());
        List<String> toRead = plan.toRead();
        List<String> refresh = plan.refresh();
        Set<String> refreshed = Set.copyOf(refresh);
        List<String> refreshList = refresh.size() == respondents.size() ? null : refresh;
        boolean listed = plan.listed();
        List<String> sliced = listed ? toRead : respondents;
        int slices = Math.min(SLICES, sliced.size());
        for (int i = 0; i < slices; i++) {
            int lo = i * sliced.size() / slices;
            int hi = (i + 1) * sliced.size() / slices;
            List<String> mine = sliced.subList(lo, hi);
            // A range's first and last slices are open-ended, so that every fact is read whatever the list.
            Slice slice = new Slice(listed || i == 0 ? null : sliced.get(lo),
                    listed || hi == sliced.size() ? null : sliced.get(hi), listed ? mine : null);
            futures.add(scans.submit(() -> {
                String copy = copySql(cut, slice, refreshList);
                SliceFold scan = new SliceFold(refreshed, listed ? Set.of() : takenSet);
                List<String> mineToRefresh = mine.stream().filter(refreshed::contains).toList();
                Map<String, Long> sliceVersions = versions.withFacts(cut, mineToRefresh, () -> {
                    // Pinned to the clock's covering index, which gives the fold's order as it is (a list's few
                    // rows sort in memory); see docs/query-service.md, Performance.
                    PlannerHints.setLocal(jdbc, "enable_seqscan = off", "enable_bitmapscan = off",
                            "max_parallel_workers_per_gather = 0", listed ? "work_mem = '64MB'" : "enable_sort = off");
                    jdbc.getJdbcTemplate().execute((ConnectionCallback<Void>) c -> {
                        ProjectCopy.read(c, copy, scan);
                        return null;
                    });
                });
                sliceVersions.forEach((c, version) -> folded.put(cut, c, scan.all.entry(c, version, cut.closesAt(),
                        scan.latestClocks.getOrDefault(c, Long.MIN_VALUE))));
                return scan.asOf;
            }));
        }
        return futures;
    }

    /** What the slices found, once all are read. */
    static List<GatheredProjects> join(List<Future<GatheredProjects>> slices) {
        List<GatheredProjects> done = new ArrayList<>(slices.size());
        try {
            for (Future<GatheredProjects> slice : slices) {
                done.add(slice.get());
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a campaign's projects", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Which respondents' facts one slice reads: those of {@code only}, or those from {@code from} (inclusive) to
     * {@code to} (exclusive; null: open-ended). No NOT IN list leaves the taken respondents out: the fold
     * skips them.
     */
    private record Slice(String from, String to, List<String> only) {
    }

    /**
     * The COPY statement of one slice of a campaign's project facts, in {@link ProjectCopy}'s columns, all in the
     * clock's covering index: the facts as of the cut-off of the slice's respondents, and every fact of those to
     * {@code refresh} (of all, when null). COPY takes no parameters, so PostgreSQL's own format(%L) quotes the
     * values into it.
     */
    private String copySql(CutOff cut, Slice slice, List<String> refresh) {
        String k = cut.column();
        String asOf = k + " <= %2$L::timestamptz";
        String query = "SELECT " + ProjectFold.COLUMNS.formatted("%3$L::timestamptz") + ", " + asOf + ", " + k
                + " FROM answer_fact WHERE campaign_id = %1$L AND project_id IS NOT NULL"
                + (slice.only() == null ? "" : " AND collectivite_id = ANY(%7$L::text[])")
                + (slice.from() == null ? "" : " AND collectivite_id >= %4$L")
                + (slice.to() == null ? "" : " AND collectivite_id < %5$L")
                + (refresh == null ? "" : refresh.isEmpty() ? " AND " + asOf
                : " AND (" + asOf + " OR collectivite_id = ANY(%6$L::text[]))")
                + " ORDER BY collectivite_id, project_id, " + k + " DESC, sequence_number DESC";
        MapSqlParameterSource values = cut.parameters()
                .addValue("template", "COPY (" + query + ") TO STDOUT (FORMAT binary)")
                .addValue("from", slice.from()).addValue("to", slice.to())
                .addValue("refresh", (refresh == null ? List.<String>of() : refresh).toArray(String[]::new))
                .addValue("only", (slice.only() == null ? List.<String>of() : slice.only()).toArray(String[]::new));
        return jdbc.queryForObject("SELECT format(:template, :c::text, :t::timestamptz, :closes::timestamptz,"
                + " :from::text, :to::text, :refresh::text[], :only::text[])", values, String.class);
    }

    /**
     * Folds one slice's stream two ways at once: the facts that count as of the cut-off into the state as of it,
     * and every fact of the respondents to fold afresh ({@code refresh}) into their entries. Each fold sees its
     * own subsequence of the stream, which keeps the stream's order (respondent, project, newest first), so each
     * tells a new project from the ids it last saw.
     */
    private static final class SliceFold implements ProjectCopy.Facts {

        final GatheredProjects asOf = new GatheredProjects();
        final GatheredProjects all = new GatheredProjects();
        /** The latest clock of each refreshed respondent's facts. */
        final Map<String, Long> latestClocks = new HashMap<>();

        private final Set<String> refresh;
        private final Set<String> skip;
        private final Feed asOfFeed = new Feed(new ProjectFold(asOf, asOf));
        private final Feed allFeed = new Feed(new ProjectFold(all, all));
        private String respondent;
        private boolean refreshing;
        private boolean skipping;
        private long latestClock;

        /** {@code skip}: respondents whose facts the stream may hold but which are taken from elsewhere. */
        SliceFold(Set<String> refresh, Set<String> skip) {
            this.refresh = refresh;
            this.skip = skip;
        }

        @Override
        public void fact(String collectiviteId, long projectHigh, long projectLow, long sequence, long globalIndex,
                         boolean afterClosing, int code, String domain, String item, boolean counts, long clock) {
            if (collectiviteId != respondent) {
                endRespondent();
                respondent = collectiviteId;
                refreshing = refresh.contains(collectiviteId);
                skipping = skip.contains(collectiviteId);
                latestClock = Long.MIN_VALUE;
            }
            if (skipping) {
                return;
            }
            if (counts) {
                asOfFeed.fact(collectiviteId, projectHigh, projectLow, sequence, globalIndex, afterClosing, code,
                        domain, item);
            }
            if (refreshing) {
                allFeed.fact(collectiviteId, projectHigh, projectLow, sequence, globalIndex, afterClosing, code,
                        domain, item);
                latestClock = Math.max(latestClock, clock);
            }
        }

        private void endRespondent() {
            if (refreshing) {
                latestClocks.put(respondent, latestClock);
            }
        }

        @Override
        public void finish() {
            endRespondent();
            asOfFeed.fold.finish();
            allFeed.fold.finish();
        }
    }

    /** Tells a fold where a project starts, from the raw ids of the facts it is fed. */
    private static final class Feed {
        final ProjectFold fold;
        private String respondent;
        private long high;
        private long low;

        Feed(ProjectFold fold) {
            this.fold = fold;
        }

        void fact(String collectiviteId, long projectHigh, long projectLow, long sequence, long globalIndex,
                  boolean afterClosing, int code, String domain, String item) {
            boolean newProject = collectiviteId != respondent || projectHigh != high || projectLow != low;
            respondent = collectiviteId;
            high = projectHigh;
            low = projectLow;
            // The statistics need no project ids, labels or instants.
            fold.fact(collectiviteId, newProject, null, sequence, globalIndex, afterClosing, code, domain, item,
                    null, null);
        }
    }
}
