package io.barometer.launcher.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    Results.Latency summary() {
        return new Results.Latency(count(), round(percentile(50)), round(percentile(95)), round(percentile(99)));
    }

    static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
    }
}
