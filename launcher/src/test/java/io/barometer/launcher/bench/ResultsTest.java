package io.barometer.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.barometer.launcher.Stack;

/**
 * docs/benchmarks.json and the table of docs/benchmarks.md are compared by people from run to run. The fixtures
 * are a smoke run's, written before the results were records: the records must write the same JSON, to the
 * field and its place, and Report the same table.
 */
class ResultsTest {

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theResultsOfARunAreWrittenWithTheFieldsAndNestingOfEarlierRuns() throws IOException {
        String earlier = fixture("smoke-results.json");

        Results results = json.readValue(earlier, Results.class);

        assertThat(json.writeValueAsString(results)).isEqualTo(earlier);
    }

    @Test
    void theTableOfARunIsTheOneEarlierRunsWrote() throws IOException {
        Results results = json.readValue(fixture("smoke-results.json"), Results.class);

        // The fixture leaves out what depends on the machine and the JVM options of the day.
        String expected = fixture("smoke-table.md")
                .replace("{cores}", Integer.toString(Runtime.getRuntime().availableProcessors()))
                .replace("{serviceJvmOptions}", String.join(" ", Stack.SERVICE_JVM_OPTIONS))
                .replace("{queryExtraJvmOptions}", String.join(" ", Stack.QUERY_EXTRA_JVM_OPTIONS));
        assertThat(Report.markdown(results)).isEqualTo(expected);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ResultsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
