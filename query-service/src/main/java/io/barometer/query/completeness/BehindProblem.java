package io.barometer.query.completeness;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.barometer.query.web.ProblemHandler;

/**
 * A {@code minPosition} not reached: 503, not 4xx, since the same request succeeds once the projection has
 * caught up; the problem says how far behind it is.
 */
@RestControllerAdvice
public class BehindProblem {

    @ExceptionHandler(ProjectionBehind.class)
    ResponseEntity<ProblemDetail> behind(ProjectionBehind e) {
        ProblemDetail body = ProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of(
                new ProblemHandler.FieldError("minPosition", "not reached yet: " + e.behind() + " events behind")))
                .getBody();
        body.setProperty("projectedPosition", e.projected());
        body.setProperty("behind", e.behind());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(body);
    }
}
