package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.barometer.command.testing.Http;

/**
 * An import stopped by something other than its line answers with the line it stopped at and what stands, and
 * the same file sent again resumes it. PostgreSQL itself makes the failure: a trigger refuses one response's
 * appends after its first event, as a server going down would (57P01: its connection terminated by an
 * administrator) or as a concurrent writer that keeps winning would (23505 on the event's sequence).
 */
class ImportInterruptedApiTest extends ApiTest {

    private static final String TRIGGER = "import_interrupted_test";

    void failAppendsOf(String aggregateId, String sqlState, String message) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.aggregate_identifier = '%2$s' AND NEW.sequence_number > 0 THEN
                    RAISE EXCEPTION '%4$s' USING ERRCODE = '%3$s';
                  END IF;
                  RETURN NEW;
                END $$""".formatted(TRIGGER, aggregateId, sqlState, message)).update();
        jdbc.sql("CREATE TRIGGER %1$s BEFORE INSERT ON domain_event_entry FOR EACH ROW EXECUTE FUNCTION %1$s()"
                .formatted(TRIGGER)).update();
    }

    @AfterEach
    void databaseBack() {
        jdbc.sql("DROP TRIGGER IF EXISTS %1$s ON domain_event_entry".formatted(TRIGGER)).update();
    }

    static ImportApiTest.Log fourLines() {
        return new ImportApiTest.Log().opening().declare("2014-01-10T10:00:00+01:00", newProject(), "STUDY");
    }

    Http.Reply importLog(String ndjson) {
        return send("POST", "/api/import", admin, ndjson, headers("Content-Type", "application/x-ndjson"));
    }

    @Test
    void theDatabaseGoneAtALineNamesThatLineAndWhatStands() {
        ImportApiTest.Log log = fourLines();
        failAppendsOf(log.responseId(), "57P01", "terminating connection due to administrator command");
        long before = eventCount();

        Http.Reply stopped = importLog(log.text());

        // The database gone is a moment to wait, not a fault: 503, with the line it stopped at.
        assertProblem(stopped, 503, null);
        assertThat(stopped.json().path("line").asInt()).as(stopped.body()).isEqualTo(4);
        assertThat(stopped.json().path("applied").asInt()).isEqualTo(3);
        assertThat(stopped.json().path("unchanged").asInt()).isZero();
        assertThat(stopped.json().path("detail").asText()).startsWith("At line 4: ")
                .contains("sending the same file again").doesNotContain("administrator command");
        assertThat(eventCount()).isEqualTo(before + 3);
        assertThat(stored(log.responseId())).extracting(ApiTest::simpleType).containsExactly("ResponseStarted");

        databaseBack();
        ImportApiTest.assertCounts(importLog(log.text()), 4, 1, 3);
        assertThat(stored(log.responseId())).extracting(ApiTest::simpleType)
                .containsExactly("ResponseStarted", "ProjectDeclared");
    }

    @Test
    void aConflictLostTwiceAtALineIsA409NamingThatLineAndWhatStands() {
        ImportApiTest.Log log = fourLines();
        failAppendsOf(log.responseId(), "23505",
                "duplicate key value violates unique constraint on (aggregate_identifier, sequence_number)");
        long before = eventCount();

        Http.Reply stopped = importLog(log.text());

        assertProblem(stopped, 409, null);
        assertThat(stopped.json().path("line").asInt()).as(stopped.body()).isEqualTo(4);
        assertThat(stopped.json().path("applied").asInt()).isEqualTo(3);
        assertThat(stopped.json().path("detail").asText()).startsWith("At line 4: A concurrent change won");
        assertThat(eventCount()).isEqualTo(before + 3);

        databaseBack();
        ImportApiTest.assertCounts(importLog(log.text()), 4, 1, 3);
        assertThat(eventCount()).isEqualTo(before + 4);
    }
}
