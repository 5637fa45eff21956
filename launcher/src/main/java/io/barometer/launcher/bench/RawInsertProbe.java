package io.barometer.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.barometer.launcher.Database;

/**
 * The physical limit the write figure is judged against: single-row INSERT;COMMIT transactions by as many
 * clients as the write benchmark has, with pgbench when installed, else a JDBC loop.
 */
final class RawInsertProbe {

    private final Database database;

    RawInsertProbe(Database database) {
        this.database = database;
    }

    Results.RawInsertLimit measure(int seconds) throws Exception {
        try (Connection c = database.connect()) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_raw (id BIGSERIAL PRIMARY KEY, payload BYTEA)");
        }
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(database.url());
        Path pgbench = Path.of("/usr/bin/pgbench");
        if (database.isEmbedded() && url.find() && Files.isExecutable(pgbench)) {
            Path script = Files.createTempFile("bench-insert", ".sql");
            Files.writeString(script, "INSERT INTO bench_raw (payload) VALUES (convert_to(repeat('x', 600), 'UTF8'));\n");
            Process p = new ProcessBuilder(pgbench.toString(), "-h", url.group(1), "-p", url.group(2), "-U", "postgres",
                    "-n", "-c", Integer.toString(Clients.COUNT), "-j", "2", "-T", Integer.toString(seconds),
                    "-f", script.toString(), url.group(3)).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
            if (tps.find()) {
                return new Results.RawInsertLimit("pgbench", Stats.round(Double.parseDouble(tps.group(1))), Clients.COUNT);
            }
            Bench.say("pgbench gave no tps; using the JDBC loop. Output: " + output);
        }
        return new Results.RawInsertLimit("jdbc-loop", Stats.round(jdbcLoop(seconds) / (double) seconds), Clients.COUNT);
    }

    /** Rows inserted, each in its own transaction, by the clients in {@code seconds}. */
    private long jdbcLoop(int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Clients.runAll(client -> {
            try (Connection c = database.connect();
                 var ps = c.prepareStatement("INSERT INTO bench_raw (payload) VALUES (?)")) {
                byte[] payload = new byte[600];
                while (System.nanoTime() < end) {
                    ps.setBytes(1, payload);
                    ps.executeUpdate();
                    done.incrementAndGet();
                }
            }
        });
        return done.get();
    }
}
