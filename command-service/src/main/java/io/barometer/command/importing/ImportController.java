package io.barometer.command.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.command.security.CurrentUser;
import io.barometer.command.web.ProblemHandler;
import jakarta.servlet.http.HttpServletRequest;

/** POST /api/import: an answer log in NDJSON, applied in order (admins). */
@RestController
public class ImportController {

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
     * Not the line's fault: answered as the cause would be anywhere else (409 when a concurrent writer won even
     * after the retry, 500 otherwise), plus where the import stopped and what stands, so that the admin knows
     * that sending the same file again is the way on (lines already applied are skipped).
     */
    @ExceptionHandler(ImportService.ImportInterrupted.class)
    ResponseEntity<ProblemDetail> interrupted(ImportService.ImportInterrupted e) {
        ResponseEntity<ProblemDetail> response = ProblemHandler.isConflict(e.getCause())
                ? ProblemHandler.conflict() : ProblemHandler.failure(e.getCause());
        ProblemDetail body = response.getBody();
        body.setDetail("At line " + e.line + ": " + body.getDetail() + ". The lines before it stand, and sending the "
                + "same file again resumes the import (lines already applied are skipped)");
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
