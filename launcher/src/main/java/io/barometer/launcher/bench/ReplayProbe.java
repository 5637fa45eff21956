package io.barometer.launcher.bench;

import java.time.Duration;

import io.barometer.launcher.Api;

/** A full replay of the projections from the first event, asked of query-service and timed to its catch-up. */
final class ReplayProbe {

    private final Product product;

    ReplayProbe(Product product) {
        this.product = product;
    }

    Results.Replay measure() throws Exception {
        long events = product.eventCount();
        long t0 = System.nanoTime();
        Api.Reply r = product.api().json("POST", product.queryUrl() + "/api/admin/replay", product.token(), null);
        if (r.status() >= 300) {
            return Results.Replay.refused(r.status());
        }
        product.awaitCaughtUp(Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Results.Replay(r.status(), events, Stats.round(seconds), Stats.round(events / seconds));
    }
}
