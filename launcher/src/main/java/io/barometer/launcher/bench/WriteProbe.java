package io.barometer.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.barometer.launcher.Api;

/** HTTP command throughput and latency: each client on a mix of commands, half of them on long responses. */
final class WriteProbe {

    private final Product product;
    private final Random random;
    private final int heavyEvents;

    /**
     * {@code random} is the run's: each client's seed is drawn from it, so that two runs send the same commands.
     * {@code heavyEvents} is how many progress updates make a long response.
     */
    WriteProbe(Product product, Random random, int heavyEvents) {
        this.product = product;
        this.random = random;
        this.heavyEvents = heavyEvents;
    }

    /**
     * Two windows of {@code seconds} after {@code warmUpSeconds} unmeasured: query-service projecting live, then
     * stopped (it stays stopped), the command side alone.
     */
    Results.Writes measure(int seconds, int warmUpSeconds) throws Exception {
        List<WriteTarget> targets = prepare();
        // The JIT compilers take much of two cores for the first minute of load: the same mix runs unmeasured
        // first, so that the figures describe the service as it runs, not as it starts.
        if (warmUpSeconds > 0) {
            Bench.say("Warming command-service up for " + warmUpSeconds + " s");
            drive(targets, warmUpSeconds, new Stats(), new Stats(), new AtomicLong(), new AtomicLong());
        }
        // Measured twice: first with query-service projecting the new events as they come (what the machine does
        // in a run where both services share its two cores), then with query-service stopped, the command side
        // alone — the headline, as the raw limit beside it is PostgreSQL alone with nothing else at work.
        Bench.say("Measuring writes for " + seconds + " s with query-service projecting them live");
        Results.WriteWindow live = window(targets, seconds, product.stack().query().pid());
        // query-service is stopped once it has also vacuumed what it projected (PostgreSQL would otherwise go on
        // with that vacuum during the measurement); nothing after the writes needs it.
        product.awaitCaughtUp(Duration.ofMinutes(5));
        product.awaitVacuumed(Duration.ofMinutes(5));
        product.stack().stopQuery();
        Bench.say("Measuring writes for " + seconds + " s with query-service stopped (the command side alone)");
        Results.WriteWindow alone = window(targets, seconds, -1);
        // A long response's events: its start and five projects, then the progress updates.
        return new Results.Writes(Clients.COUNT, seconds, warmUpSeconds, heavyEvents + 6, "stopped", alone, live);
    }

    /** A campaign, and for each client a new response and a long one, each with five projects. */
    private List<WriteTarget> prepare() throws Exception {
        Api api = product.api();
        String token = product.token();
        String base = product.commandUrl();
        Product.check(api.json("POST", base + "/api/campaigns", token, Map.of("campaign", "bench-writes", "year", 2021,
                "title", "Benchmark writes", "opensAt", "2020-12-01T00:00:00Z", "closesAt", "2021-03-15T23:59:59Z",
                "questionnaire", "bvn-2014")), "open bench-writes");
        List<WriteTarget> targets = new ArrayList<>();
        for (int c = 0; c < Clients.COUNT; c++) {
            for (boolean heavy : new boolean[] {false, true}) {
                String coll = "writer-" + c + (heavy ? "-heavy" : "-light");
                Product.check(api.json("POST", base + "/api/collectivites", token, Map.of("collectivite", coll, "name", coll,
                        "kind", "COMMUNE", "region", "Bretagne", "population", 60000)), "register " + coll);
                WriteTarget t = new WriteTarget(base + "/api/campaigns/bench-writes/responses/" + coll, heavy);
                Product.check(api.json("PUT", t.url, token, null), "start " + coll);
                for (int p = 0; p < 5; p++) {
                    t.declare(api, token);
                }
                for (int e = 0; heavy && e < heavyEvents; e++) {
                    t.progress(api, token);
                }
                targets.add(t);
            }
        }
        return targets;
    }

    /** One measured window of {@link #drive}: throughput, latencies and each part's CPU. */
    private Results.WriteWindow window(List<WriteTarget> targets, int seconds, long queryPid) throws Exception {
        Stats light = new Stats();
        Stats heavy = new Stats();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CpuShares cpu = new CpuShares(product.stack().command().pid(), queryPid);
        cpu.start();
        drive(targets, seconds, light, heavy, ok, failed);
        Results.CpuUse cpuUsed = cpu.stop(ok.get() + failed.get());
        Stats all = new Stats();
        all.addAll(light);
        all.addAll(heavy);
        return new Results.WriteWindow(Stats.round(ok.get() / (double) seconds), failed.get(), all.summary(),
                light.summary(), heavy.summary(), cpuUsed);
    }

    /** Each client on one new and one long response of its own, for {@code seconds}. */
    private void drive(List<WriteTarget> targets, int seconds, Stats light, Stats heavy, AtomicLong ok, AtomicLong failed)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[] seeds = new long[Clients.COUNT];
        for (int c = 0; c < seeds.length; c++) {
            seeds[c] = random.nextLong();
        }
        Api api = product.api();
        String token = product.token();
        Clients.runAll(c -> {
            List<WriteTarget> mine = List.of(targets.get(2 * c), targets.get(2 * c + 1));
            Random r = new Random(seeds[c]);
            while (System.nanoTime() < end) {
                WriteTarget t = mine.get(r.nextInt(2));
                long t0 = System.nanoTime();
                int status = t.randomCommand(api, token, r);
                double ms = (System.nanoTime() - t0) / 1e6;
                (t.heavy ? heavy : light).add(ms);
                (status < 300 ? ok : failed).incrementAndGet();
            }
        });
    }
}
