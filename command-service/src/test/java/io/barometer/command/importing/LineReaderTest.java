package io.barometer.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A line's header and its op are read apart; a line with a wrong value in each is refused on the first of them,
 * as when the whole line was one record. Everything else about lines runs end to end in ImportApiTest.
 */
class LineReaderTest {

    private final LineReader reader = new LineReader(Jackson2ObjectMapperBuilder.json().build());

    @Test
    void aWrongHeaderValueBeforeAWrongOpValueIsTheOneNamed() {
        BadLine refused = catchThrowableOfType(BadLine.class, () -> reader.read("""
                {"op": "openCampaign", "at": [1], "by": "team", "year": {"n": 2014}}"""));

        assertThat(refused.field()).isEqualTo("at");
    }

    @Test
    void aWrongOpValueBeforeAWrongHeaderValueIsTheOneNamed() {
        BadLine refused = catchThrowableOfType(BadLine.class, () -> reader.read("""
                {"year": {"n": 2014}, "by": "team", "at": [1], "op": "openCampaign"}"""));

        assertThat(refused.field()).isEqualTo("year");
        assertThat(refused.getMessage()).isEqualTo("must be an integer from 2000 to 2100");
    }

    @Test
    void aMissingRequiredFieldIsNamedOnceTheHeaderIsWhole() {
        BadLine refused = catchThrowableOfType(BadLine.class, () -> reader.read("""
                {"op": "updateProgress", "at": "2014-01-10T09:00:00Z", "by": "v.dsi", "campaign": "c", \
                "collectivite": "v", "project": "8330e23a-f607-5290-98e6-1db882b9b67e"}"""));

        assertThat(refused.field()).isEqualTo("status");
        assertThat(refused.getMessage()).isEqualTo("is required");
    }
}
