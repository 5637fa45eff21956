package io.barometer.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.launcher.bench.Bench;

/**
 * Runs every step of the benchmark on a tiny workload so that it never rots. Its figures are not
 * asserted (speed is judged by the benchmark itself); only that each step ran and answered.
 */
class BenchSmokeTest {

    @Test
    void everyStepOfTheBenchmarkRunsOnATinyWorkload() throws Exception {
        Path out = Path.of("target", "bench-smoke").toAbsolutePath();
        Bench.main(new String[] {"--smoke", "--root", "..", "--out", out.toString()});

        JsonNode results = new ObjectMapper().readTree(out.resolve("benchmarks.json").toFile());
        assertThat(results.get("mode").asText()).isEqualTo("smoke");
        assertThat(results.get("writes").get("commandsPerSecond").asDouble()).isPositive();
        assertThat(results.get("writes").get("failed").asLong()).isZero();
        // Both services did the writing: each part's CPU during the measured writes is read, not left at zero.
        JsonNode cores = results.get("writes").get("cpu").get("cores");
        assertThat(cores.get("commandService").asDouble()).isPositive();
        assertThat(cores.get("loadGenerator").asDouble()).isPositive();
        // The headline is the command side alone; the same load with query-service projecting live is kept beside it.
        assertThat(results.get("writes").get("querySide").asText()).isEqualTo("stopped");
        assertThat(cores.has("queryService")).isFalse();
        JsonNode live = results.get("writes").get("withProjectionsLive");
        assertThat(live.get("commandsPerSecond").asDouble()).isPositive();
        assertThat(live.get("cpu").get("cores").has("queryService")).isTrue();
        assertThat(results.get("writeToRawRatioWithProjectionsLive").asDouble()).isPositive();
        assertThat(results.get("import").get("lines").asInt()).isEqualTo(200);
        // The web pages are measured too: a page of a response of its size, and answers saved and confirmed.
        assertThat(results.get("web").get("responseEvents").asInt()).isEqualTo(60);
        assertThat(results.get("web").get("questionnairePage").get("n").asInt()).isPositive();
        assertThat(results.get("web").get("answerSavedAndConfirmed").get("p95Ms").asDouble()).isPositive();
        // The analysts' dashboard: the 2014 campaign as of the closing, then each stage's against its API synthesis.
        JsonNode dashboard = results.get("web").get("dashboard2014AsOfClosing");
        assertThat(dashboard.get("p95Ms").asDouble()).isPositive();
        assertThat(dashboard.get("bytes").asLong()).isPositive();
        results.get("stages").forEach(stage -> {
            JsonNode big = stage.get("dashboardBigAsOfClosing");
            assertThat(big.get("p95Ms").asDouble()).isPositive();
            assertThat(big.get("p95RatioToApi").asDouble()).isPositive();
        });
        assertThat(results.get("stages")).hasSize(2);
        // The reads are measured before the write benchmark adds its events: each stage's store holds about the
        // events it is named after (4 000, then 6 000), not those plus the writes'.
        assertThat(results.get("stages").get(0).get("events").asLong()).isBetween(4000L, 5999L);
        assertThat(results.get("stages").get(1).get("events").asLong()).isBetween(6000L, 7999L);
        results.get("stages").forEach(stage ->
                assertThat(stage.has("eventTableVacuumSeconds")).as("event table vacuumed before the catch-up").isTrue());
        assertThat(results.get("machine").get("cpuProbeMsAtStart").asLong()).isPositive();
        assertThat(results.get("machine").get("cpuProbeMsAtEnd").asLong()).isPositive();
        for (JsonNode stage : results.get("stages")) {
            for (String read : new String[] {"synthesisBigAsOfClosing", "synthesis2014AsOfClosing", "responseView",
                    "auditFiltered", "comparison", "exportProjectsCsv"}) {
                assertThat(stage.get(read).get("status").asInt()).as(read).isEqualTo(200);
                assertThat(stage.get(read).get("firstMs").asDouble()).as(read + " first call").isPositive();
            }
        }
        assertThat(results.get("replay").get("status").asInt()).isLessThan(300);
        // The backup step copied the whole store of the last stage, and says how long and how large.
        assertThat(results.get("backup").get("events").asLong())
                .isGreaterThanOrEqualTo(results.get("stages").get(1).get("events").asLong());
        assertThat(results.get("backup").get("seconds").asDouble()).isPositive();
        assertThat(results.get("backup").get("megabytes").asDouble()).isPositive();
        assertThat(Files.readString(out.resolve("benchmarks.md"))).contains("Against DESIGN §9").contains("CPU per command")
                .contains("web: questionnaire page")
                .contains("web: dashboard (synthesis page) of the 2014 campaign")
                .contains("dashboard ÷ API synthesis, same view")
                .contains("CPU probe")
                .contains("first call after query-service started")
                .contains("Backup (`./run.sh --backup`");
    }
}
