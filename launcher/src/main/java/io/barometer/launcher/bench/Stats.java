package io.barometer.launcher.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Latency samples in milliseconds, summarised as percentiles. */
final class Stats {

    private final List<Double> samples = new ArrayList<>();

    synchronized void add(double millis) {
        samples.add(millis);
    }

    synchronized void addAll(Stats other) {
        samples.addAll(other.samples);
    }

    synchronized int count() {
        return samples.size();
    }

    synchronized double percentile(double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    Map<String, Object> summary() {
        Map<String, Object> m = new TreeMap<>();
        m.put("n", count());
        m.put("p50Ms", round(percentile(50)));
        m.put("p95Ms", round(percentile(95)));
        m.put("p99Ms", round(percentile(99)));
        return m;
    }

    static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
    }
}
