package io.barometer.launcher.bench;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * docs/benchmarks.json, nested here as it is nested there: people read and compare that file from run to run,
 * so a field's name and place change only on purpose. A step the run did not take is left out, not null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Results(String date, Machine machine, String mode, List<Long> sizes, Web web, List<Stage> stages, Replay replay,
               BackupSpeed backup, RawInsertLimit rawInsertLimit, Writes writes, @JsonProperty("import") ImportSpeed importSpeed,
               HeapMax heapMaxMb, Double writeToRawRatio, Double writeToRawRatioWithProjectionsLive) {

    /** {@code cpu} is absent off Linux; {@code cpuProbeMsAtEnd} until the run's last step. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Machine(int cores, String java, String os, String cpu, long memoryGb, long cpuProbeMsAtStart, Long cpuProbeMsAtEnd) {

        Machine withCpuProbeAtEnd(long millis) {
            return new Machine(cores, java, os, cpu, memoryGb, cpuProbeMsAtStart, millis);
        }
    }

    /** Milliseconds over {@code n} timed calls. */
    record Latency(int n, double p50Ms, double p95Ms, double p99Ms) {
    }

    /** An API read timed over repeated calls, its first call apart from the percentiles. */
    record Read(int n, double p50Ms, double p95Ms, double p99Ms, double firstMs, int status, long bytes) {

        static Read of(Latency latency, double firstMs, int status, long bytes) {
            return new Read(latency.n(), latency.p50Ms(), latency.p95Ms(), latency.p99Ms(), firstMs, status, bytes);
        }
    }

    /** An analyst's synthesis page; beside a stage's API synthesis of the same view, also its ratios to it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Dashboard(int n, double p50Ms, double p95Ms, double p99Ms, double firstMs, int bytes, Double p50RatioToApi,
                     Double p95RatioToApi) {

        static Dashboard of(Latency latency, double firstMs, int bytes) {
            return new Dashboard(latency.n(), latency.p50Ms(), latency.p95Ms(), latency.p99Ms(), firstMs, bytes, null, null);
        }

        Dashboard against(Read api) {
            return new Dashboard(n, p50Ms, p95Ms, p99Ms, firstMs, bytes, hundredths(p50Ms, api.p50Ms()),
                    hundredths(p95Ms, api.p95Ms()));
        }

        /** To two decimals: a ratio judged against 1.5 wants more than the one of the milliseconds. */
        private static double hundredths(double a, double b) {
            return Math.round(a / b * 100) / 100.0;
        }
    }

    record QuestionnairePage(int n, double p50Ms, double p95Ms, double p99Ms, int bytes) {

        static QuestionnairePage of(Latency latency, int bytes) {
            return new QuestionnairePage(latency.n(), latency.p50Ms(), latency.p95Ms(), latency.p99Ms(), bytes);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Web(long responseEvents, QuestionnairePage questionnairePage, Latency answerSavedAndConfirmed,
               Dashboard dashboard2014AsOfClosing) {

        Web withDashboard2014(Dashboard dashboard) {
            return new Web(responseEvents, questionnairePage, answerSavedAndConfirmed, dashboard);
        }
    }

    /** One size of the store: how it was reached (growth, catch-up, vacuum), then every read on it. */
    record Stage(long events, double eventTableVacuumSeconds, long catchUpEvents, double catchUpSeconds,
                 double catchUpEventsPerSecond, double vacuumSecondsAfterCatchUp, Read synthesisBigAsOfClosing,
                 Dashboard dashboardBigAsOfClosing, Read synthesisBigAsOfRandomInstants, Read synthesis2014AsOfClosing,
                 Read responseView, Read auditFiltered, Read comparison, Read exportProjectsCsv, long queryHeapMbAfterReads) {
    }

    /** The figures are absent when query-service refused to start the replay. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Replay(int status, Long events, Double seconds, Double eventsPerSecond) {

        static Replay refused(int status) {
            return new Replay(status, null, null, null);
        }
    }

    record BackupSpeed(long events, int tables, double seconds, double eventsPerSecond, double megabytes) {
    }

    record RawInsertLimit(String tool, double tps, int clients) {
    }

    /** The command side alone (the headline, its window's figures inline), then the same load projected live. */
    record Writes(int clients, int seconds, int warmUpSeconds, int heavyResponseEvents, String querySide,
                  @JsonUnwrapped WriteWindow alone, WriteWindow withProjectionsLive) {
    }

    record WriteWindow(double commandsPerSecond, long failed, Latency latency, Latency latencyNewResponses,
                       Latency latencyResponsesWithHundredsOfEvents, CpuUse cpu) {
    }

    /**
     * Each part's cores and CPU milliseconds per command, by the part's name (query-service only when it ran);
     * a map, because the parts are what {@link CpuShares} found running.
     */
    record CpuUse(Map<String, Double> cores, Map<String, Double> msPerCommand) {
    }

    record ImportSpeed(int lines, double seconds, double linesPerSecond) {
    }

    record HeapMax(long commandService, long queryService) {
    }
}
