package io.barometer.query.web;

import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.barometer.support.web.CommonProblemHandler;
import io.barometer.support.web.DatabaseUnavailable;

/**
 * Every refusal becomes RFC 9457 problem+json with an {@code errors} list naming each bad field: those both
 * services share in {@link CommonProblemHandler}, and a database that cannot be read. Ordered first, as
 * command-service's: Boot's own problem-details advice would otherwise answer a parameter of the wrong type
 * without saying which one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler extends CommonProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

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
}
