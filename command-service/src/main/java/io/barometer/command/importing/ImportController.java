package io.barometer.command.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.command.security.CurrentUser;
import io.barometer.command.web.ProblemHandler;
import io.barometer.command.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;

/** POST /api/import: an answer log in NDJSON, applied in order (admins). */
@RestController
public class ImportController {

    private static final Logger log = LoggerFactory.getLogger(ImportController.class);
    private final ImportService imports;

    public ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/api/import", consumes = {"application/x-ndjson", "text/plain"})
    public ImportService.Result importLog(HttpServletRequest request) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
            return imports.importLog(reader, CurrentUser.get().username());
        }
    }

    /**
     * Not the line's fault: 409 when a concurrent writer won even after the retry, 500 otherwise; either way
     * the problem says where the import stopped and what stands, so that the admin knows that sending the
     * same file again is the way on (lines already applied are skipped).
     */
    @ExceptionHandler(ImportService.ImportInterrupted.class)
    ResponseEntity<ProblemDetail> interrupted(ImportService.ImportInterrupted e) {
        boolean conflict = e.getCause() instanceof ConcurrencyException
                || e.getCause() instanceof AggregateStreamCreationException;
        String advice = "; the lines before it stand, and sending the same file again resumes the import "
                + "(lines already applied are skipped)";
        ResponseEntity<ProblemDetail> response;
        if (conflict) {
            response = ProblemHandler.problem(HttpStatus.CONFLICT,
                    "A concurrent change won at line " + e.line + advice, List.of());
        } else {
            log.error("Import stopped at line {} by an unexpected failure", e.line, e.getCause());
            response = ProblemHandler.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected failure at line " + e.line
                    + advice + "; quote request id " + MDC.get(RequestIdFilter.MDC_KEY) + " when reporting it", List.of());
        }
        ProblemDetail body = response.getBody();
        body.setProperty("line", e.line);
        body.setProperty("applied", e.before.applied());
        body.setProperty("unchanged", e.before.unchanged());
        return response;
    }

    @ExceptionHandler(ImportService.LineRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImportService.LineRejected e) {
        ResponseEntity<ProblemDetail> response = ProblemHandler.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(),
                List.of(new ProblemHandler.FieldError(e.field == null ? "line" : e.field, e.getMessage())));
        ProblemDetail body = response.getBody();
        body.setProperty("line", e.line);
        body.setProperty("applied", e.before.applied());
        body.setProperty("unchanged", e.before.unchanged());
        return response;
    }
}
