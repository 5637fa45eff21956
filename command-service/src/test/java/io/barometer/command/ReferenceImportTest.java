package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.barometer.command.testing.CommandServiceTest;

class ReferenceImportTest extends CommandServiceTest {

    static String dataset(String name) throws Exception {
        return Files.readString(Path.of("..", "datasets", name));
    }

    @Test
    void bothReferenceEditionsImportAndASecondRunChangesNothing() throws Exception {
        // The HTTP test classes share this database; they never use the datasets' ids, so only counts move.
        long before = eventCount();
        var first2013 = http.send("POST", "/api/import", admin, dataset("bvn-2013.ndjson"), Map.of("Content-Type", "application/x-ndjson"));
        assertThat(first2013.status()).as(first2013.body()).isEqualTo(200);
        assertThat(first2013.json().get("lines").asInt()).isEqualTo(1095);
        var first2014 = http.send("POST", "/api/import", admin, dataset("bvn-2014.ndjson"), Map.of("Content-Type", "application/x-ndjson"));
        assertThat(first2014.status()).as(first2014.body()).isEqualTo(200);
        // The 14 collectivités of both editions are registered again with identical fields: nothing applied.
        assertThat(first2014.json().get("unchanged").asInt()).isEqualTo(14);
        long events = eventCount();
        assertThat(events - before).isEqualTo(1095 + 1851 - 14);

        var again = http.send("POST", "/api/import", admin, dataset("bvn-2014.ndjson"), Map.of("Content-Type", "application/x-ndjson"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("applied").asInt()).isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1851);
        assertThat(eventCount()).isEqualTo(events);
    }
}
