package io.barometer.query.web;

import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.barometer.support.web.DatabaseUnavailable;

/** Every refusal becomes RFC 9457 problem+json with an {@code errors} list naming each bad field. */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    public record FieldError(String field, String message) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return problem(e.status(), e.getMessage(),
                e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid value for " + e.getName(),
                List.of(new FieldError(e.getName(), "invalid value")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(),
                List.of(new FieldError(e.getParameterName(), "required")));
    }

    /**
     * A view that cannot be read because the database is gone answers 503 with Retry-After, which tells a
     * client (or a load balancer) to come back, where Spring's default would be a bare 500.
     */
    @ExceptionHandler({DataAccessException.class, SQLException.class})
    ResponseEntity<ProblemDetail> database(Exception e) {
        if (DatabaseUnavailable.is(e)) {
            log.warn("Database unavailable: {}", e.toString());
            return DatabaseUnavailable.answer();
        }
        log.error("Database failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected database failure", List.of());
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail, List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(body);
    }
}
