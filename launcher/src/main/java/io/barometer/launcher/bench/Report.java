package io.barometer.launcher.bench;

import java.util.List;
import java.util.Map;

import io.barometer.launcher.Stack;

/** The benchmark's results as the Markdown table of docs/benchmarks.md, beside the figures of DESIGN §9. */
final class Report {

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> r) {
        StringBuilder b = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        Map<String, Object> raw = (Map<String, Object>) r.get("rawInsertLimit");
        Map<String, Object> writes = (Map<String, Object>) r.get("writes");
        Map<String, Object> latency = (Map<String, Object>) writes.get("latency");
        Map<String, Object> heavy = (Map<String, Object>) writes.get("latencyResponsesWithHundredsOfEvents");
        Map<String, Object> light = (Map<String, Object>) writes.get("latencyNewResponses");
        Map<String, Object> imp = (Map<String, Object>) r.get("import");
        Map<String, Object> replay = (Map<String, Object>) r.get("replay");
        Map<String, Object> heap = (Map<String, Object>) r.get("heapMaxMb");
        List<Map<String, Object>> stages = (List<Map<String, Object>>) r.get("stages");
        Map<String, Object> last = stages.get(stages.size() - 1);

        b.append("## Benchmark run of ").append(r.get("date")).append(" (").append(r.get("mode")).append(")\n\n");
        b.append("Machine: ").append(machine.get("cores")).append(" cores, ").append(machine.get("memoryGb"))
                .append(" GB, ").append(machine.getOrDefault("cpu", "?")).append(", Java ").append(machine.get("java"))
                .append("; PostgreSQL on the same machine; both services with ")
                .append(String.join(" ", Stack.SERVICE_JVM_OPTIONS)).append(" (query-service also ")
                .append(String.join(" ", Stack.QUERY_EXTRA_JVM_OPTIONS)).append(").");
        if (machine.get("cpuProbeMsAtStart") != null) {
            b.append(" CPU probe (SHA-256 of 256 MB on one thread; lower is faster, the machine's speed varies): ")
                    .append(machine.get("cpuProbeMsAtStart")).append(" ms at the start of the run, ")
                    .append(machine.getOrDefault("cpuProbeMsAtEnd", "?")).append(" ms at its end.");
        }
        b.append("\n\n");
        b.append("### Against DESIGN §9\n\n| figure | target | measured | reached |\n|---|---|---|---|\n");
        double ratio = ((Number) r.get("writeToRawRatio")).doubleValue();
        Map<String, Object> live = (Map<String, Object>) writes.get("withProjectionsLive");
        String liveRatio = live == null ? "" : String.format("; with query-service projecting live: %s / %s = %.3f",
                live.get("commandsPerSecond"), raw.get("tps"), num(r.get("writeToRawRatioWithProjectionsLive")));
        row(b, "HTTP commands/s (8 clients, command side alone) ÷ raw INSERT;COMMIT tps (" + raw.get("tool") + ")", "≥ 0.25",
                String.format("%s / %s = %.3f", writes.get("commandsPerSecond"), raw.get("tps"), ratio) + liveRatio,
                ratio >= 0.25);
        double p99 = num(latency.get("p99Ms"));
        row(b, "write latency p99", "≤ 50 ms", p99 + " ms", p99 <= 50);
        row(b, "p95 on responses with hundreds of events vs new ones", "as fast",
                heavy.get("p95Ms") + " ms vs " + light.get("p95Ms") + " ms", num(heavy.get("p95Ms")) <= 1.5 * num(light.get("p95Ms")) + 2);
        double catchUp = num(last.get("catchUpEventsPerSecond"));
        row(b, "projection catch-up", "≥ 20 000 events/s", catchUp + " events/s", catchUp >= 20_000);
        double rep = num(replay.get("eventsPerSecond"));
        row(b, "full replay", "≥ 20 000 events/s", rep + " events/s (" + replay.get("events") + " events)", rep >= 20_000);
        double bigSynth = num(((Map<String, Object>) last.get("synthesisBigAsOfClosing")).get("p95Ms"));
        Object bigFirst = ((Map<String, Object>) last.get("synthesisBigAsOfClosing")).get("firstMs");
        row(b, "as-of synthesis, campaign of the whole store (" + last.get("events") + " events)", "≤ 1 000 ms",
                bigSynth + " ms (p95; the first call after query-service started: " + bigFirst + " ms)",
                bigSynth <= 1000);
        double small = num(((Map<String, Object>) last.get("synthesis2014AsOfClosing")).get("p95Ms"));
        row(b, "as-of synthesis, 2014-sized campaign", "≤ 100 ms", small + " ms (p95)", small <= 100);
        Map<String, Object> web = (Map<String, Object>) r.get("web");
        if (web != null) {
            Map<String, Object> page = (Map<String, Object>) web.get("questionnairePage");
            Map<String, Object> save = (Map<String, Object>) web.get("answerSavedAndConfirmed");
            row(b, "web: questionnaire page (projects, response of " + web.get("responseEvents") + " events)", "≤ 100 ms p95",
                    page.get("p50Ms") + " / " + page.get("p95Ms") + " ms (p50 / p95)", num(page.get("p95Ms")) <= 100);
            row(b, "web: an answer saved and confirmed (htmx)", "≤ 100 ms p95",
                    save.get("p50Ms") + " / " + save.get("p95Ms") + " ms (p50 / p95)", num(save.get("p95Ms")) <= 100);
            Map<String, Object> dashboard = (Map<String, Object>) web.get("dashboard2014AsOfClosing");
            if (dashboard != null) {
                row(b, "web: dashboard (synthesis page) of the 2014 campaign as of the closing", "≤ 300 ms p95",
                        dashboard.get("p50Ms") + " / " + dashboard.get("p95Ms") + " ms (p50 / p95)",
                        num(dashboard.get("p95Ms")) <= 300);
            }
        }
        Map<String, Object> bigDashboard = (Map<String, Object>) last.get("dashboardBigAsOfClosing");
        if (bigDashboard != null) {
            row(b, "web: dashboard of the campaign of the whole store (" + last.get("events") + " events) ÷ the API's "
                    + "synthesis of the same view", "≤ 1.5 ×", bigDashboard.get("p95Ms") + " ms vs " + bigSynth
                    + " ms (p95) = " + bigDashboard.get("p95RatioToApi") + " ×; p50 " + bigDashboard.get("p50RatioToApi")
                    + " ×", num(bigDashboard.get("p95RatioToApi")) <= 1.5);
        }
        long maxHeap = Math.max(((Number) heap.get("commandService")).longValue(), ((Number) heap.get("queryService")).longValue());
        row(b, "highest heap used (command / query)", "≤ 512 MB", heap.get("commandService") + " / " + heap.get("queryService")
                + " MB", maxHeap <= 512);

        b.append("\n### Writes\n\n| what | value |\n|---|---|\n");
        b.append("| raw single-row INSERT;COMMIT, 8 clients (").append(raw.get("tool")).append(") | ").append(raw.get("tps")).append(" tps |\n");
        String window = writes.get("seconds") + " s, ";
        writeRows(b, writes, window + "query-service stopped", writes.get("heavyResponseEvents"));
        if (live != null) {
            writeRows(b, live, window + "query-service projecting live", writes.get("heavyResponseEvents"));
        }
        b.append("| NDJSON import | ").append(imp.get("linesPerSecond")).append(" lines/s (").append(imp.get("lines"))
                .append(" lines in ").append(imp.get("seconds")).append(" s) |\n");

        b.append("\n### Reads as the store grows (p50 / p95 ms over repeated calls)\n\n| read |");
        for (Map<String, Object> s : stages) {
            b.append(' ').append(s.get("events")).append(" events |");
        }
        b.append("\n|---|");
        stages.forEach(s -> b.append("---|"));
        b.append('\n');
        for (String key : List.of("synthesisBigAsOfClosing", "synthesisBigAsOfRandomInstants", "synthesis2014AsOfClosing",
                "responseView", "auditFiltered", "comparison", "exportProjectsCsv")) {
            b.append("| ").append(key).append(" |");
            for (Map<String, Object> s : stages) {
                Map<String, Object> m = (Map<String, Object>) s.get(key);
                b.append(' ').append(((Number) m.get("status")).intValue() == 200
                        ? m.get("p50Ms") + " / " + m.get("p95Ms") : "HTTP " + m.get("status")).append(" |");
            }
            b.append('\n');
        }
        if (stages.stream().allMatch(s -> s.get("dashboardBigAsOfClosing") != null)) {
            b.append("| dashboardBigAsOfClosing (web page of that view) |");
            for (Map<String, Object> s : stages) {
                Map<String, Object> m = (Map<String, Object>) s.get("dashboardBigAsOfClosing");
                b.append(' ').append(m.get("p50Ms")).append(" / ").append(m.get("p95Ms")).append(" |");
            }
            b.append("\n| dashboard ÷ API synthesis, same view (p50 / p95) |");
            for (Map<String, Object> s : stages) {
                Map<String, Object> m = (Map<String, Object>) s.get("dashboardBigAsOfClosing");
                b.append(' ').append(m.get("p50RatioToApi")).append(" / ").append(m.get("p95RatioToApi")).append(" |");
            }
            b.append('\n');
        }
        b.append("| synthesisBigAsOfClosing, first call after query-service started (ms) |");
        stages.forEach(s -> b.append(' ').append(((Map<String, Object>) s.get("synthesisBigAsOfClosing")).get("firstMs"))
                .append(" |"));
        b.append("\n| projection catch-up (events/s) |");
        stages.forEach(s -> b.append(' ').append(s.get("catchUpEventsPerSecond")).append(" |"));
        b.append("\n| then its vacuum of what it wrote, before the reads (s) |");
        stages.forEach(s -> b.append(' ').append(s.get("vacuumSecondsAfterCatchUp")).append(" |"));
        b.append("\n| query-service heap after reads (MB) |");
        stages.forEach(s -> b.append(' ').append(s.get("queryHeapMbAfterReads")).append(" |"));
        b.append("\n\nFull replay: ").append(replay.get("events")).append(" events in ").append(replay.get("seconds"))
                .append(" s.\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> backup = (Map<String, Object>) r.get("backup");
        if (backup != null) {
            b.append("\nBackup (`./run.sh --backup`, services up): ").append(backup.get("events")).append(" events ")
                    .append("in ").append(backup.get("seconds")).append(" s (").append(backup.get("eventsPerSecond"))
                    .append(" events/s), ").append(backup.get("megabytes")).append(" MB.\n");
        }
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
    @SuppressWarnings("unchecked")
    private static void writeRows(StringBuilder b, Map<String, Object> w, String condition, Object heavyEvents) {
        b.append("| HTTP commands, 8 clients, ").append(condition).append(" | ").append(w.get("commandsPerSecond"))
                .append(" commands/s (").append(w.get("failed")).append(" refused) |\n");
        b.append("| latency all | ").append(lat((Map<String, Object>) w.get("latency"))).append(" |\n");
        b.append("| latency on new responses | ").append(lat((Map<String, Object>) w.get("latencyNewResponses"))).append(" |\n");
        b.append("| latency on responses of ").append(heavyEvents).append("+ events | ")
                .append(lat((Map<String, Object>) w.get("latencyResponsesWithHundredsOfEvents"))).append(" |\n");
        if (w.get("cpu") instanceof Map<?, ?> cpu) {
            b.append("| CPU while measured, in cores of the machine's ").append(Runtime.getRuntime().availableProcessors())
                    .append(" | ").append(parts((Map<?, ?>) cpu.get("cores"), "")).append(" |\n");
            b.append("| CPU per command | ").append(parts((Map<?, ?>) cpu.get("msPerCommand"), " ms")).append(" |\n");
        }
    }

    private static void row(StringBuilder b, String figure, String target, String measured, boolean reached) {
        b.append("| ").append(figure).append(" | ").append(target).append(" | ").append(measured).append(" | ")
                .append(reached ? "yes" : "**no**").append(" |\n");
    }

    private static String lat(Map<String, Object> m) {
        return "p50 " + m.get("p50Ms") + " / p95 " + m.get("p95Ms") + " / p99 " + m.get("p99Ms") + " ms (n=" + m.get("n") + ")";
    }

    private static double num(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    /** "command-service 1.04, PostgreSQL 0.6, …" from the parts CpuShares measured. */
    private static String parts(Map<?, ?> values, String unit) {
        Map<String, String> names = Map.of("commandService", "command-service", "postgres", "PostgreSQL",
                "loadGenerator", "load generator", "queryService", "query-service");
        StringBuilder b = new StringBuilder();
        values.forEach((part, value) -> b.append(b.length() == 0 ? "" : ", ")
                .append(names.getOrDefault(part.toString(), part.toString())).append(' ').append(value).append(unit));
        return b.toString();
    }
}
