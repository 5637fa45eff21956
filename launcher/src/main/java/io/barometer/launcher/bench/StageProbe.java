package io.barometer.launcher.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

/**
 * The store as it grows: a big synthetic campaign grown to each size while query-service is down, its catch-up
 * timed when it comes back, then every read on a store of that size.
 */
final class StageProbe {

    private final Product product;
    private final ReadProbe reads;
    /** An analyst's browser, signed in once, for the dashboard of the big campaign at each stage. */
    private final WebPages dashboards;
    private final Random random;
    private final String comparisonBase;
    private final int repetitions;
    private final Workload big = new Workload("bench-big", 42);
    /** Events in the store when query-service last had projected them all (it then stopped or was stopped). */
    private long projectedUpTo;

    /**
     * {@code random} is the run's, for the instants and respondents read; {@code comparisonBase} the edition
     * the comparison starts from.
     */
    StageProbe(Product product, WebPages dashboards, Random random, String comparisonBase, int repetitions) {
        this.product = product;
        this.reads = new ReadProbe(product);
        this.dashboards = dashboards;
        this.random = random;
        this.comparisonBase = comparisonBase;
        this.repetitions = repetitions;
    }

    /** Opens the big campaign; the first stage's catch-up starts from what query-service has projected by then. */
    void start() throws Exception {
        try (EventWriter w = new EventWriter(product.stack().database().connect())) {
            big.open(w);
        }
        product.awaitCaughtUp(Duration.ofMinutes(5));
        product.awaitVacuumed(Duration.ofMinutes(5));
        projectedUpTo = product.eventCount();
    }

    /** Grows the big campaign to {@code size} events in the store while query-service is down, then measures. */
    Results.Stage measure(long size) throws Exception {
        long before = product.eventCount();
        // Each stage adds respondents to the big campaign, even when the store already holds more events.
        long toAdd = Math.max(1000, size - before);
        Bench.say("Growing the store from " + before + " to " + size + " events (query-service stopped)");
        double[] settle = new double[1];
        product.stack().restartQuery(() -> {
            try (EventWriter w = new EventWriter(product.stack().database().connect())) {
                big.grow(w, toAdd);
                // The writer appends hundreds of thousands of events in seconds, which command-service would
                // take minutes to; autovacuum would have visited the event table along the way. Left to
                // start now, it vacuums the whole new tail during the catch-up and takes a core from it.
                long t = System.nanoTime();
                w.vacuumEventTable();
                settle[0] = (System.nanoTime() - t) / 1e9;
            }
            return null;
        });
        long t0 = System.nanoTime();
        product.awaitCaughtUp(Duration.ofMinutes(30));
        double catchUp = (System.nanoTime() - t0) / 1e9;
        long total = product.eventCount();
        long caughtUpEvents = total - projectedUpTo;
        projectedUpTo = total;
        // Reads are measured once the projection has also vacuumed what it wrote (FactStatistics): until then
        // they read the heap beside the covering indexes and share the CPU with the vacuum. That wait is
        // reported on its own, not folded into the reads.
        long t1 = System.nanoTime();
        product.awaitVacuumed(Duration.ofMinutes(5));
        double vacuum = (System.nanoTime() - t1) / 1e9;
        String q = product.queryUrl();
        String bigSynthesis = q + "/api/campaigns/" + big.campaignId() + "/synthesis";
        Results.Read apiSynthesis = reads.time(bigSynthesis + "?asOf=closing", repetitions);
        // The same view in the web: what an analyst waits for beyond the API's own time.
        Results.Dashboard dashboard = dashboards.dashboard(big.campaignId(),
                "asOf=closing&basis=effective&lateRespondents=include", repetitions).against(apiSynthesis);
        Results.Read randomInstants = reads.time(() -> bigSynthesis + "?asOf=" + URLEncoder.encode(
                Workload.OPENS.plus(Duration.ofHours(random.nextInt(24 * 140))).toString(), StandardCharsets.UTF_8),
                repetitions);
        Results.Read synthesis2014 = reads.time(q + "/api/campaigns/bvn-2014/synthesis?asOf=closing&exclude=nice-metropole",
                repetitions);
        Results.Read responseView = reads.time(() -> q + "/api/campaigns/" + big.campaignId() + "/responses/"
                + oneOfTheFirstTenRespondents(), repetitions);
        Results.Read audit = reads.time(() -> q + "/api/audit?campaign=" + big.campaignId()
                + "&collectivite=" + oneOfTheFirstTenRespondents() + "&size=50", repetitions);
        Results.Read comparison = reads.time(q + "/api/comparisons?base=" + comparisonBase + "&target=bvn-2014", repetitions);
        Results.Read export = reads.time(q + "/api/campaigns/" + big.campaignId() + "/exports/projects.csv",
                Math.max(1, repetitions / 5));
        return new Results.Stage(total, Stats.round(settle[0]), caughtUpEvents, Stats.round(catchUp),
                Stats.round(caughtUpEvents / catchUp), Stats.round(vacuum), apiSynthesis, dashboard, randomInstants,
                synthesis2014, responseView, audit, comparison, export,
                HeapSampler.heap(product.api(), q, product.token()) / 1_048_576);
    }

    private String oneOfTheFirstTenRespondents() {
        return big.collectiviteId(random.nextInt(Math.min(10, big.respondents())));
    }
}
