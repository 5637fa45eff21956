package io.barometer.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import io.barometer.command.people.People;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.barometer.command.attribution.Dispatcher;
import io.barometer.command.rules.Outcome;

/**
 * An import stopped by something other than its line (the database gone, a concurrent writer winning twice)
 * says at which line it stopped and what stands. The failure is staged in the gateway, which no test of the
 * real stack can make fail on demand; the lines themselves go through the real parsing and rules of the
 * service. Everything else about imports runs end to end in ImportApiTest.
 */
class ImportInterruptedTest {

    private static final String LINES = """
            {"op":"openCampaign","at":"2013-12-01T09:00:00+01:00","by":"team","campaign":"c","year":2014,"title":"T","opensAt":"2014-01-15T00:00:00+01:00","closesAt":"2014-03-15T23:59:59+01:00","questionnaire":"bvn-2014"}
            {"op":"registerCollectivite","at":"2013-12-02T09:00:00+01:00","by":"team","collectivite":"v","name":"Ville","kind":"COMMUNE","region":"Bretagne","population":70000}

            {"op":"startResponse","at":"2013-12-05T10:00:00+01:00","by":"v.dsi","campaign":"c","collectivite":"v"}
            """;

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
    private final People people = mock(People.class);
    private final ImportService imports = new ImportService(new Dispatcher(gateway), jdbc,
            Jackson2ObjectMapperBuilder.json().build(), people);
    private static final UUID ADMIN = UUID.randomUUID();

    ImportInterruptedTest() {
        when(jdbc.sql(anyString()).param(any()).query(Boolean.class).single()).thenReturn(false);
        when(people.idFor(anyString(), any(), any())).thenAnswer(call -> UUID.randomUUID());
    }

    @Test
    void anUnexpectedFailureNamesItsLineAndWhatStands() {
        when(gateway.sendAndWait(any())).thenReturn(new Outcome(1, true), new Outcome(1, true))
                .thenThrow(new IllegalStateException("connection refused"));

        ImportService.ImportInterrupted stopped = catchThrowableOfType(ImportService.ImportInterrupted.class,
                () -> imports.importLog(new BufferedReader(new StringReader(LINES)), ADMIN));

        assertThat(stopped.line).isEqualTo(4);
        assertThat(stopped.before.applied()).isEqualTo(2);
        assertThat(stopped.before.unchanged()).isZero();
        ResponseEntity<ProblemDetail> answer = new ImportController(imports, null).interrupted(stopped);
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getProperties()).containsEntry("line", 4).containsEntry("applied", 2)
                .containsEntry("unchanged", 0);
        assertThat(answer.getBody().getDetail()).startsWith("At line 4: Unexpected failure")
                .contains("sending the same file again").doesNotContain("connection refused");
    }

    @Test
    void aConcurrentWriterWinningTwiceIsAConflictAtItsLine() {
        when(gateway.sendAndWait(any())).thenReturn(new Outcome(1, true))
                .thenThrow(new ConcurrencyException("another instance wrote v"));

        ImportService.ImportInterrupted stopped = catchThrowableOfType(ImportService.ImportInterrupted.class,
                () -> imports.importLog(new BufferedReader(new StringReader(LINES)), ADMIN));

        assertThat(stopped.line).isEqualTo(2);
        ResponseEntity<ProblemDetail> answer = new ImportController(imports, null).interrupted(stopped);
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getProperties()).containsEntry("line", 2).containsEntry("applied", 1);
        assertThat(answer.getBody().getDetail()).startsWith("At line 2: A concurrent change won");
    }
}
