package io.barometer.support.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What both services' problem handlers answer alike: RFC 9457 problem+json with an {@code errors} list naming
 * each bad field, for a refused request and a parameter of the wrong type. Each service's
 * {@code @RestControllerAdvice} extends it with the refusals of its own kind.
 */
public abstract class CommonProblemHandler {

    public record FieldError(String field, String message) {
    }

    @ExceptionHandler(ApiException.class)
    protected ResponseEntity<ProblemDetail> api(ApiException e) {
        return problem(e.status(), e.getMessage(),
                e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    protected ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid value for " + e.getName(),
                List.of(new FieldError(e.getName(), "invalid value")));
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
