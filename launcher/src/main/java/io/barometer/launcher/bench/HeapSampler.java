package io.barometer.launcher.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.barometer.launcher.Api;

/** Polls a service's Prometheus endpoint and keeps the highest heap use seen. */
final class HeapSampler implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-sampler");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong max = new AtomicLong();
    private volatile String baseUrl;

    HeapSampler(Api api, String baseUrl, java.util.function.Supplier<String> token) {
        this.baseUrl = baseUrl;
        // Once a second, and through the single metric rather than a whole Prometheus scrape, so that the
        // observer does not weigh on what it observes.
        timer.scheduleAtFixedRate(() -> {
            try {
                long heap = heap(api, this.baseUrl, token.get());
                max.accumulateAndGet(heap, Math::max);
            } catch (Exception ignored) {
                // the service may be restarting between stages
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    static long heap(Api api, String baseUrl, String token) throws Exception {
        if (token == null) {
            return 0;
        }
        Api.Reply r = api.get(baseUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap", token);
        return r.status() == 200 ? (long) r.json().at("/measurements/0/value").asDouble() : 0;
    }

    long maxBytes() {
        return max.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
