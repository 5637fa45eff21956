package io.barometer.launcher.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.barometer.launcher.Stack;

/** The benchmark's results as the Markdown table of docs/benchmarks.md, beside the figures of DESIGN §9. */
final class Report {

    /** The reads of each stage, in the table's order, by their name in benchmarks.json. */
    private static final Map<String, Function<Results.Stage, Results.Read>> READS = readsByName();

    private Report() {
    }

    static String markdown(Results r) {
        StringBuilder b = new StringBuilder();
        Results.Machine machine = r.machine();
        Results.RawInsertLimit raw = r.rawInsertLimit();
        Results.Writes writes = r.writes();
        Results.WriteWindow alone = writes.alone();
        Results.WriteWindow live = writes.withProjectionsLive();
        Results.Replay replay = r.replay();
        Results.HeapMax heap = r.heapMaxMb();
        List<Results.Stage> stages = r.stages();
        Results.Stage last = stages.get(stages.size() - 1);

        b.append("## Benchmark run of ").append(r.date()).append(" (").append(r.mode()).append(")\n\n");
        b.append("Machine: ").append(machine.cores()).append(" cores, ").append(machine.memoryGb())
                .append(" GB, ").append(orUnknown(machine.cpu())).append(", Java ").append(machine.java())
                .append("; PostgreSQL on the same machine; both services with ")
                .append(String.join(" ", Stack.SERVICE_JVM_OPTIONS)).append(" (query-service also ")
                .append(String.join(" ", Stack.QUERY_EXTRA_JVM_OPTIONS)).append(").");
        b.append(" CPU probe (SHA-256 of 256 MB on one thread; lower is faster, the machine's speed varies): ")
                .append(machine.cpuProbeMsAtStart()).append(" ms at the start of the run, ")
                .append(orUnknown(machine.cpuProbeMsAtEnd())).append(" ms at its end.");
        b.append("\n\n");
        b.append("### Against DESIGN §9\n\n| figure | target | measured | reached |\n|---|---|---|---|\n");
        double ratio = r.writeToRawRatio();
        String liveRatio = String.format("; with query-service projecting live: %s / %s = %.3f",
                live.commandsPerSecond(), raw.tps(), r.writeToRawRatioWithProjectionsLive());
        row(b, "HTTP commands/s (8 clients, command side alone) ÷ raw INSERT;COMMIT tps (" + raw.tool() + ")", "≥ 0.25",
                String.format("%s / %s = %.3f", alone.commandsPerSecond(), raw.tps(), ratio) + liveRatio,
                ratio >= 0.25);
        double p99 = alone.latency().p99Ms();
        row(b, "write latency p99", "≤ 50 ms", p99 + " ms", p99 <= 50);
        Results.Latency heavy = alone.latencyResponsesWithHundredsOfEvents();
        Results.Latency light = alone.latencyNewResponses();
        row(b, "p95 on responses with hundreds of events vs new ones", "as fast",
                heavy.p95Ms() + " ms vs " + light.p95Ms() + " ms", heavy.p95Ms() <= 1.5 * light.p95Ms() + 2);
        double catchUp = last.catchUpEventsPerSecond();
        row(b, "projection catch-up", "≥ 20 000 events/s", catchUp + " events/s", catchUp >= 20_000);
        // A replay query-service refused has no figures: NaN events/s, as it reached nothing.
        double rep = replay.eventsPerSecond() == null ? Double.NaN : replay.eventsPerSecond();
        row(b, "full replay", "≥ 20 000 events/s", rep + " events/s (" + replay.events() + " events)", rep >= 20_000);
        double bigSynth = last.synthesisBigAsOfClosing().p95Ms();
        row(b, "as-of synthesis, campaign of the whole store (" + last.events() + " events)", "≤ 1 000 ms",
                bigSynth + " ms (p95; the first call after query-service started: "
                        + last.synthesisBigAsOfClosing().firstMs() + " ms)",
                bigSynth <= 1000);
        double small = last.synthesis2014AsOfClosing().p95Ms();
        row(b, "as-of synthesis, 2014-sized campaign", "≤ 100 ms", small + " ms (p95)", small <= 100);
        Results.Web web = r.web();
        Results.QuestionnairePage page = web.questionnairePage();
        Results.Latency save = web.answerSavedAndConfirmed();
        row(b, "web: questionnaire page (projects, response of " + web.responseEvents() + " events)", "≤ 100 ms p95",
                page.p50Ms() + " / " + page.p95Ms() + " ms (p50 / p95)", page.p95Ms() <= 100);
        row(b, "web: an answer saved and confirmed (htmx)", "≤ 100 ms p95",
                save.p50Ms() + " / " + save.p95Ms() + " ms (p50 / p95)", save.p95Ms() <= 100);
        Results.Dashboard dashboard = web.dashboard2014AsOfClosing();
        row(b, "web: dashboard (synthesis page) of the 2014 campaign as of the closing", "≤ 300 ms p95",
                dashboard.p50Ms() + " / " + dashboard.p95Ms() + " ms (p50 / p95)", dashboard.p95Ms() <= 300);
        Results.Dashboard bigDashboard = last.dashboardBigAsOfClosing();
        row(b, "web: dashboard of the campaign of the whole store (" + last.events() + " events) ÷ the API's "
                + "synthesis of the same view", "≤ 1.5 ×", bigDashboard.p95Ms() + " ms vs " + bigSynth
                + " ms (p95) = " + bigDashboard.p95RatioToApi() + " ×; p50 " + bigDashboard.p50RatioToApi()
                + " ×", bigDashboard.p95RatioToApi() <= 1.5);
        long maxHeap = Math.max(heap.commandService(), heap.queryService());
        row(b, "highest heap used (command / query)", "≤ 512 MB", heap.commandService() + " / " + heap.queryService()
                + " MB", maxHeap <= 512);

        b.append("\n### Writes\n\n| what | value |\n|---|---|\n");
        b.append("| raw single-row INSERT;COMMIT, 8 clients (").append(raw.tool()).append(") | ").append(raw.tps()).append(" tps |\n");
        String window = writes.seconds() + " s, ";
        writeRows(b, alone, window + "query-service stopped", writes.heavyResponseEvents());
        writeRows(b, live, window + "query-service projecting live", writes.heavyResponseEvents());
        Results.ImportSpeed imp = r.importSpeed();
        b.append("| NDJSON import | ").append(imp.linesPerSecond()).append(" lines/s (").append(imp.lines())
                .append(" lines in ").append(imp.seconds()).append(" s) |\n");

        b.append("\n### Reads as the store grows (p50 / p95 ms over repeated calls)\n\n| read |");
        for (Results.Stage s : stages) {
            b.append(' ').append(s.events()).append(" events |");
        }
        b.append("\n|---|");
        stages.forEach(s -> b.append("---|"));
        b.append('\n');
        READS.forEach((name, read) -> {
            b.append("| ").append(name).append(" |");
            for (Results.Stage s : stages) {
                Results.Read m = read.apply(s);
                b.append(' ').append(m.status() == 200 ? m.p50Ms() + " / " + m.p95Ms() : "HTTP " + m.status()).append(" |");
            }
            b.append('\n');
        });
        b.append("| dashboardBigAsOfClosing (web page of that view) |");
        stages.forEach(s -> b.append(' ').append(s.dashboardBigAsOfClosing().p50Ms()).append(" / ")
                .append(s.dashboardBigAsOfClosing().p95Ms()).append(" |"));
        b.append("\n| dashboard ÷ API synthesis, same view (p50 / p95) |");
        stages.forEach(s -> b.append(' ').append(s.dashboardBigAsOfClosing().p50RatioToApi()).append(" / ")
                .append(s.dashboardBigAsOfClosing().p95RatioToApi()).append(" |"));
        b.append('\n');
        b.append("| synthesisBigAsOfClosing, first call after query-service started (ms) |");
        stages.forEach(s -> b.append(' ').append(s.synthesisBigAsOfClosing().firstMs()).append(" |"));
        b.append("\n| projection catch-up (events/s) |");
        stages.forEach(s -> b.append(' ').append(s.catchUpEventsPerSecond()).append(" |"));
        b.append("\n| then its vacuum of what it wrote, before the reads (s) |");
        stages.forEach(s -> b.append(' ').append(s.vacuumSecondsAfterCatchUp()).append(" |"));
        b.append("\n| query-service heap after reads (MB) |");
        stages.forEach(s -> b.append(' ').append(s.queryHeapMbAfterReads()).append(" |"));
        b.append("\n\nFull replay: ").append(replay.events()).append(" events in ").append(replay.seconds())
                .append(" s.\n");
        Results.BackupSpeed backup = r.backup();
        b.append("\nBackup (`./run.sh --backup`, services up): ").append(backup.events()).append(" events ")
                .append("in ").append(backup.seconds()).append(" s (").append(backup.eventsPerSecond())
                .append(" events/s), ").append(backup.megabytes()).append(" MB.\n");
        return b.toString();
    }

    static final String BEGIN = "<!-- benchmark:begin (written by ./bench.sh) -->";
    static final String END = "<!-- benchmark:end -->";

    /** The new table in place of the previous run's, keeping the hand-written text around it. */
    static String merge(java.nio.file.Path file, String table) throws java.io.IOException {
        String generated = BEGIN + "\n" + table + END + "\n";
        if (!java.nio.file.Files.exists(file)) {
            return generated;
        }
        String old = java.nio.file.Files.readString(file);
        int begin = old.indexOf(BEGIN);
        int end = old.indexOf(END);
        if (begin < 0 || end < begin) {
            return generated;
        }
        return old.substring(0, begin) + generated + old.substring(end + END.length()).replaceFirst("^\n", "");
    }

    /** The rows of one measured window of the write benchmark. */
    private static void writeRows(StringBuilder b, Results.WriteWindow w, String condition, int heavyEvents) {
        b.append("| HTTP commands, 8 clients, ").append(condition).append(" | ").append(w.commandsPerSecond())
                .append(" commands/s (").append(w.failed()).append(" refused) |\n");
        b.append("| latency all | ").append(lat(w.latency())).append(" |\n");
        b.append("| latency on new responses | ").append(lat(w.latencyNewResponses())).append(" |\n");
        b.append("| latency on responses of ").append(heavyEvents).append("+ events | ")
                .append(lat(w.latencyResponsesWithHundredsOfEvents())).append(" |\n");
        b.append("| CPU while measured, in cores of the machine's ").append(Runtime.getRuntime().availableProcessors())
                .append(" | ").append(parts(w.cpu().cores(), "")).append(" |\n");
        b.append("| CPU per command | ").append(parts(w.cpu().msPerCommand(), " ms")).append(" |\n");
    }

    private static Map<String, Function<Results.Stage, Results.Read>> readsByName() {
        Map<String, Function<Results.Stage, Results.Read>> reads = new LinkedHashMap<>();
        reads.put("synthesisBigAsOfClosing", Results.Stage::synthesisBigAsOfClosing);
        reads.put("synthesisBigAsOfRandomInstants", Results.Stage::synthesisBigAsOfRandomInstants);
        reads.put("synthesis2014AsOfClosing", Results.Stage::synthesis2014AsOfClosing);
        reads.put("responseView", Results.Stage::responseView);
        reads.put("auditFiltered", Results.Stage::auditFiltered);
        reads.put("comparison", Results.Stage::comparison);
        reads.put("exportProjectsCsv", Results.Stage::exportProjectsCsv);
        return reads;
    }

    private static void row(StringBuilder b, String figure, String target, String measured, boolean reached) {
        b.append("| ").append(figure).append(" | ").append(target).append(" | ").append(measured).append(" | ")
                .append(reached ? "yes" : "**no**").append(" |\n");
    }

    private static String lat(Results.Latency m) {
        return "p50 " + m.p50Ms() + " / p95 " + m.p95Ms() + " / p99 " + m.p99Ms() + " ms (n=" + m.n() + ")";
    }

    /** "?" where the run could not tell: the CPU's model off Linux, the end's probe before the end. */
    private static Object orUnknown(Object value) {
        return value == null ? "?" : value;
    }

    /** "command-service 1.04, PostgreSQL 0.6, …" from the parts CpuShares measured. */
    private static String parts(Map<String, Double> values, String unit) {
        Map<String, String> names = Map.of("commandService", "command-service", "postgres", "PostgreSQL",
                "loadGenerator", "load generator", "queryService", "query-service");
        StringBuilder b = new StringBuilder();
        values.forEach((part, value) -> b.append(b.length() == 0 ? "" : ", ")
                .append(names.getOrDefault(part, part)).append(' ').append(value).append(unit));
        return b.toString();
    }
}
