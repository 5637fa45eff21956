package io.barometer.launcher.bench;

import java.util.function.Supplier;

import io.barometer.launcher.Api;

/** One API read, called repeatedly as an analyst's or a respondent's screen would call it, and timed. */
final class ReadProbe {

    private final Product product;

    ReadProbe(Product product) {
        this.product = product;
    }

    Results.Read time(String url, int repetitions) throws Exception {
        return time(() -> url, repetitions);
    }

    /** {@code urls} is asked before each call: a read of a random instant or respondent each time. */
    Results.Read time(Supplier<String> urls, int repetitions) throws Exception {
        Stats stats = new Stats();
        int status = 0;
        long bytes = 0;
        double first = 0;
        for (int i = 0; i < repetitions + 1; i++) {
            String target = urls.get();
            long t0 = System.nanoTime();
            Api.Reply r = product.api().get(target, product.token());
            double ms = (System.nanoTime() - t0) / 1e6;
            status = r.status();
            bytes = r.body().length();
            if (i > 0) {
                stats.add(ms);
            } else {
                first = ms;
            }
        }
        // The first call is left out of p50/p95 (the JIT compiles as it runs), but shown: a campaign's first
        // synthesis folds every respondent, unless query-service's warm-up (FoldWarmUp) did it before.
        return Results.Read.of(stats.summary(), Stats.round(first), status, bytes);
    }
}
