package io.barometer.query;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.barometer.query.testing.ServicesTest;

class ReferenceSynthesisTest extends ServicesTest {

    @Test
    void smoke() throws Exception {
        importLog(Files.readString(Path.of("..", "datasets", "bvn-2014.ndjson")));
        awaitProjections();
        System.out.println(synthesis("bvn-2014", "asOf=closing&exclude=nice-metropole").toPrettyString());
    }
}
