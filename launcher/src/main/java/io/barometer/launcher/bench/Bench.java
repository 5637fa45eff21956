package io.barometer.launcher.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.barometer.launcher.Api;
import io.barometer.launcher.Options;
import io.barometer.launcher.Stack;

/**
 * {@code ./bench.sh}: measures the product against this machine's physical limit — HTTP command throughput
 * beside raw single-row INSERT/COMMIT transactions, import speed, projection catch-up and replay, and
 * every read as the store grows to a million events — and writes docs/benchmarks.{json,md}.
 * {@code --smoke} runs every step on a tiny workload (the test suite does, so that this never rots);
 * {@code --web-only} measures the web pages alone. Each step is a probe of its own; this runs them in order.
 */
public final class Bench {

    private final Options options;
    private final boolean smoke;
    private final Path root;
    private final List<Long> sizes;
    private final boolean webOnly;
    /** One for the whole run, so that two runs read the same instants and send the same commands. */
    private final Random random = new Random(20140315);

    private Bench(Options options) {
        this.options = options;
        this.smoke = options.flag("smoke");
        this.root = Path.of(options.get("root", null, "")).toAbsolutePath().normalize();
        // "--sizes none" measures writes and import only (a quick look at the write path).
        String sizeList = options.get("sizes", null, smoke ? "4000,6000" : "100000,300000,1000000");
        this.sizes = sizeList.equals("none") ? List.of()
                : Arrays.stream(sizeList.split(",")).map(String::trim).map(Long::parseLong).toList();
        // "--web-only" measures the web pages alone (DESIGN §9's page figures) and prints them.
        this.webOnly = options.flag("web-only");
    }

    public static void main(String[] args) throws Exception {
        new Bench(new Options(args)).run();
    }

    private void run() throws Exception {
        Path out = root.resolve(options.get("out", null, smoke ? "launcher/target/bench" : "docs"));
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("barometer-bench");
        String adminPassword = Stack.randomSecret();

        String date = LocalDate.now().toString();
        Results.Machine machine = MachineProbe.describe();
        say("Starting PostgreSQL and both services with " + String.join(" ", Stack.SERVICE_JVM_OPTIONS) + ", query-service also "
                + String.join(" ", Stack.QUERY_EXTRA_JVM_OPTIONS) + " (data in " + data + ")");
        Stack stack = Stack.start(new Stack.Settings(root, data, options.get("db", null, null),
                        options.get("db-user", null, "barometer"), options.get("db-password", null, ""),
                        freePort(), freePort(), freePort(), freePort(), Stack.randomSecret(), Stack.SERVICE_JVM_OPTIONS),
                Bench::say, db -> new String[] {"bench-admin", adminPassword});
        Thread stopper = new Thread(() -> {
            try {
                stack.close();
            } catch (Exception ignored) {
                // stopping on Ctrl-C: nothing more to do
            }
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        Api api = new Api();
        Product product = new Product(stack, api, api.token(stack.command().baseUrl(), "bench-admin", adminPassword));
        Results results;
        try {
            results = measure(product, data, date, machine);
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopper);
            stack.close();
            deleteQuietly(data);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        if (webOnly || sizes.isEmpty()) {
            System.out.println(json.writeValueAsString(results));
            return;
        }
        Files.createDirectories(out);
        json.writeValue(out.resolve("benchmarks.json").toFile(), results);
        String table = Report.markdown(results);
        Files.writeString(out.resolve("benchmarks.md"), Report.merge(out.resolve("benchmarks.md"), table));
        System.out.println(table);
    }

    /** Every step in its order, on the running stack; {@code --web-only} stops after the web pages. */
    private Results measure(Product product, Path data, String date, Results.Machine machine) throws Exception {
        int writeSeconds = options.integer("write-seconds", null, smoke ? 2 : 30);
        int repetitions = options.integer("repetitions", null, smoke ? 2 : 20);
        int importLines = options.integer("import-lines", null, smoke ? 200 : 20_000);
        Api api = product.api();
        String token = product.token();
        Stack stack = product.stack();
        try (HeapSampler commandHeap = new HeapSampler(api, product.commandUrl(), () -> token);
             HeapSampler queryHeap = new HeapSampler(api, product.queryUrl(), () -> token)) {
            // The smoke run keeps to one edition: every step runs, in a fraction of the time.
            for (String file : smoke ? List.of("bvn-2014.ndjson") : List.of("bvn-2013.ndjson", "bvn-2014.ndjson")) {
                Product.check(api.importFile(product.commandUrl(), token, root.resolve("datasets").resolve(file)),
                        "import " + file);
            }
            WebPages webPages = new WebPages(api, stack.web().baseUrl(), product.commandUrl(), token);
            Results.Web web = webPages.measure(smoke ? 60 : 300, smoke ? repetitions : 100);
            WebPages dashboards = webPages.analyst();
            web = web.withDashboard2014(dashboards.dashboard("bvn-2014", "asOf=closing&exclude=nice-metropole",
                    smoke ? repetitions : 50));
            String mode = smoke ? "smoke" : "full";
            if (webOnly) {
                return new Results(date, machine, mode, sizes, web, null, null, null, null, null, null, null, null, null);
            }
            List<Results.Stage> stages = null;
            Results.Replay replay = null;
            Results.BackupSpeed backup = null;
            // The reads come first, so that each stage's store holds the events it is named after: the write
            // benchmark alone adds a few hundred thousand, more than the first stage's size. The writes are then
            // measured against the store of a million events, as a national survey's would be.
            if (!sizes.isEmpty()) {
                StageProbe stageProbe = new StageProbe(product, dashboards, random, smoke ? "bvn-2014" : "bvn-2013",
                        repetitions);
                stageProbe.start();
                stages = new ArrayList<>();
                for (long size : sizes) {
                    stages.add(stageProbe.measure(size));
                }
                replay = new ReplayProbe(product).measure();
                backup = new BackupProbe(stack.database()).measure(data);
                product.awaitVacuumed(Duration.ofMinutes(5));
            }
            // The replay and the growth leave PostgreSQL dirty pages to write out: a checkpoint now, so that
            // neither the raw limit nor the commands meet one the other did not.
            product.checkpoint();
            Results.RawInsertLimit raw = new RawInsertProbe(stack.database()).measure(writeSeconds);
            Results.Writes writes = new WriteProbe(product, random, smoke ? 40 : 300)
                    .measure(writeSeconds, options.integer("warm-up-seconds", null, smoke ? 0 : 45));
            Results.ImportSpeed imported = new ImportProbe(product).measure(importLines);
            Results.Machine ended = machine.withCpuProbeAtEnd(MachineProbe.cpuMillis());
            Results.HeapMax heap = new Results.HeapMax(commandHeap.maxBytes() / 1_048_576, queryHeap.maxBytes() / 1_048_576);
            return new Results(date, ended, mode, sizes, web, stages, replay, backup, raw, writes, imported, heap,
                    ratio(writes.alone(), raw), ratio(writes.withProjectionsLive(), raw));
        }
    }

    private static double ratio(Results.WriteWindow writes, Results.RawInsertLimit raw) {
        return Stats.round(writes.commandsPerSecond() / raw.tps() * 1000) / 1000.0;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temporary directory; the OS cleans it eventually
        }
    }

    static void say(String message) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
    }
}
