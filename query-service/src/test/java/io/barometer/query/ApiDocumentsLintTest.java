package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.command.testing.Http;
import io.barometer.query.testing.ServicesTest;

/**
 * Both services' OpenAPI documents, as they serve them, pass Redocly's recommended rules without an error:
 * what a client generator or a docs UI would trip on. Redocly CLI is the npm package the project's test
 * tools install (launcher/src/test/js); without Node or that package the test is skipped, not failed.
 */
class ApiDocumentsLintTest extends ServicesTest {

    private static final Path TOOLS = Path.of("..", "launcher", "src", "test", "js");
    private static final Path REDOCLY = TOOLS.resolve(Path.of("node_modules", "@redocly", "cli", "bin", "cli.js"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void bothDocumentsPassRedoclysRecommendedRules() throws Exception {
        assumeTrue(Files.isRegularFile(REDOCLY), "@redocly/cli is not installed: run npm ci --prefix launcher/src/test/js");
        assumeTrue(nodeRuns(), "node is not installed");

        List<String> errors = new ArrayList<>();
        errors.addAll(errors(lint(save("command-service", command))));
        errors.addAll(errors(lint(save("query-service", query))));
        assertThat(errors).as("Redocly's recommended rules").isEmpty();
    }

    private static List<String> errors(JsonNode report) {
        assertThat(report.path("totals").path("errors").isInt()).as("Redocly's report: %s", report).isTrue();
        List<String> errors = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            if (problem.path("severity").asText().equals("error")) {
                JsonNode where = problem.path("location").path(0);
                errors.add(problem.path("ruleId").asText() + " at " + where.path("source").path("ref").asText()
                        + where.path("pointer").asText() + ": " + problem.path("message").asText());
            }
        }
        return errors;
    }

    private Path save(String name, Http service) throws IOException {
        Http.Reply reply = service.get("/v3/api-docs", null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).path("paths").size()).as("%s's routes", name).isGreaterThan(5);
        Path file = work.resolve(name + ".json");
        Files.writeString(file, reply.body(), StandardCharsets.UTF_8);
        return file;
    }

    /** One document per run: with several, Redocly writes one JSON report after another. */
    private JsonNode lint(Path document) throws Exception {
        // A config of our own, in a folder of our own: no redocly.yaml of the machine or the repository counts.
        Path config = work.resolve("redocly.yaml");
        Files.writeString(config, "extends:\n  - recommended\ntelemetry: off\n");
        List<String> command = new ArrayList<>(List.of("node", REDOCLY.toAbsolutePath().toString(), "lint",
                "--format=json", "--config", config.toString(), document.toString()));
        Path out = work.resolve(document.getFileName() + ".report");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(work.resolve(document.getFileName() + ".log").toFile());
        // Nothing may leave the machine: no usage report, no look-up of a newer version.
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("CI", "true");
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("redocly lint finished").isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        String log = Files.readString(work.resolve(document.getFileName() + ".log"), StandardCharsets.UTF_8);
        assertThat(text).as("redocly's output; its log: %s", log).contains("totals");
        return JSON.readTree(text.substring(text.indexOf('{')));
    }

    private static boolean nodeRuns() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
