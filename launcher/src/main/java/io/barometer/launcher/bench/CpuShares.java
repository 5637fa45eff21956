package io.barometer.launcher.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time taken by each part of the running product during a measured window (the JDK's process
 * information: /proc on Linux), so that the write figure comes with what each part cost: the services, every
 * PostgreSQL process on the machine, and the benchmark's own JVM, which generates the load.
 */
final class CpuShares {

    private final long commandPid;
    private final long queryPid;
    private Map<String, Duration> start;
    private long startNanos;

    /** {@code queryPid} ≤ 0 when query-service is not running during the window. */
    CpuShares(long commandPid, long queryPid) {
        this.commandPid = commandPid;
        this.queryPid = queryPid;
    }

    void start() {
        start = read();
        startNanos = System.nanoTime();
    }

    /** Cores used by each part since {@link #start()}, and milliseconds of CPU per unit of work done. */
    Results.CpuUse stop(long units) {
        Map<String, Duration> end = read();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        Map<String, Double> msPerUnit = new LinkedHashMap<>();
        end.forEach((part, total) -> {
            double used = total.minus(start.getOrDefault(part, Duration.ZERO)).toNanos() / 1e9;
            cores.put(part, Math.round(used / seconds * 100) / 100.0);
            msPerUnit.put(part, units == 0 ? 0 : Math.round(used * 1000 / units * 100) / 100.0);
        });
        return new Results.CpuUse(cores, msPerUnit);
    }

    private Map<String, Duration> read() {
        Map<String, Duration> m = new LinkedHashMap<>();
        m.put("commandService", cpu(ProcessHandle.of(commandPid)));
        m.put("postgres", ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(p -> cpu(Optional.of(p)))
                .reduce(Duration.ZERO, Duration::plus));
        m.put("loadGenerator", cpu(Optional.of(ProcessHandle.current())));
        if (queryPid > 0) {
            m.put("queryService", cpu(ProcessHandle.of(queryPid)));
        }
        return m;
    }

    private static Duration cpu(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }
}
