package io.barometer.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

class EventFactsTest {

    @Test
    void theFastParseReadsWhatInstantToStringWritesAndFallsBackForAnythingElse() {
        for (String text : new String[] {"2014-03-15T22:59:59Z", "2014-03-15T22:59:59.5Z", "2014-03-15T22:59:59.123Z",
                "2026-11-27T09:10:04.734512Z", "2026-11-27T09:10:04.123456789Z", "1999-12-31T23:59:59Z"}) {
            assertThat(EventFacts.parseInstant(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(EventFacts.parseInstant("2014-03-15T23:59:59+01:00"))
                .isEqualTo(Instant.parse("2014-03-15T22:59:59Z"));
        assertThatThrownBy(() -> EventFacts.parseInstant("2014-02-30T22:59:59Z")).isInstanceOf(DateTimeParseException.class);
        // Odd forms go to Instant.parse, whatever it makes of them.
        assertThat(EventFacts.parseInstant("2014-03-15T22:59:59.Z")).isEqualTo(Instant.parse("2014-03-15T22:59:59.Z"));
        assertThatThrownBy(() -> EventFacts.parseInstant("2014-03-15 22:59:59Z")).isInstanceOf(DateTimeParseException.class);
    }
}
