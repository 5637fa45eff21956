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

    HeapSampler(Api api, String baseUrl) {
        this.baseUrl = baseUrl;
        timer.scheduleAtFixedRate(() -> {
            try {
                long heap = heap(api, this.baseUrl);
                max.accumulateAndGet(heap, Math::max);
            } catch (Exception ignored) {
                // the service may be restarting between stages
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
    }

    static long heap(Api api, String baseUrl) throws Exception {
        Api.Reply r = api.get(baseUrl + "/actuator/prometheus", null);
        long sum = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    long maxBytes() {
        return max.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
