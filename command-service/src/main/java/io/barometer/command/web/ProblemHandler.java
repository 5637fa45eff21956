package io.barometer.command.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.barometer.command.attribution.RequestIds;
import io.barometer.command.rules.DomainException;
import io.barometer.support.json.StrictJson;
import io.barometer.support.web.CommonProblemHandler;
import io.barometer.support.web.DatabaseUnavailable;

/**
 * Every refusal becomes RFC 9457 problem+json with an {@code errors} list naming each bad field (the refusals
 * both services share are answered by {@link CommonProblemHandler}). Ordered first: Boot's own problem-details advice would otherwise answer the MVC exceptions (unreadable body,
 * failed validation) without saying which field was wrong.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler extends CommonProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        return problem(status, e.getMessage(), e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> stale(ConflictingAggregateVersionException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "The response has changed since the version in If-Match",
                List.of(new FieldError("If-Match", "stale version")));
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        return conflict();
    }

    /** A concurrent writer won (even after the Dispatcher's retry on fresh state). */
    public static boolean isConflict(Throwable e) {
        return e instanceof ConcurrencyException || e instanceof AggregateStreamCreationException;
    }

    public static ResponseEntity<ProblemDetail> conflict() {
        return problem(HttpStatus.CONFLICT, "A concurrent change won; retry", List.of());
    }

    /**
     * Logged with its stack trace; answered with the request id to quote, never the exception's text. The
     * database gone is no fault to report but a moment to wait: 503 with Retry-After.
     */
    public static ResponseEntity<ProblemDetail> failure(Throwable e) {
        if (DatabaseUnavailable.is(e)) {
            log.warn("Database unavailable: {}", e.toString());
            return DatabaseUnavailable.answer();
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected failure; quote request id "
                + RequestIds.current() + " when reporting it", List.of());
    }

    /**
     * Anything else: Spring's own refusals (404, 405, 406…) keep their status; an unexpected failure is a
     * 500 problem that names the request id to quote, not the exception's text.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse spring) {
            ProblemDetail body = spring.getBody();
            if (body.getTitle() == null) {
                body.setTitle(HttpStatus.valueOf(spring.getStatusCode().value()).getReasonPhrase());
            }
            return ResponseEntity.status(spring.getStatusCode()).headers(spring.getHeaders()).body(body);
        }
        return failure(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        FieldError error = missing(Objects.toString(e.getAggregateIdentifier(), null));
        return problem(HttpStatus.NOT_FOUND, error.message(), List.of(error));
    }

    /** Names what is missing from the aggregate id that was not found. */
    public static FieldError missing(String aggregateId) {
        DomainException missing = DomainException.missing(aggregateId);
        return new FieldError(missing.field(), missing.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, "The request body is invalid", errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "A request parameter is invalid", errors);
    }

    @ExceptionHandler(BodySizeFilter.BodyTooLarge.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(BodySizeFilter.BodyTooLarge e) {
        return tooLarge(e.limit());
    }

    public static ResponseEntity<ProblemDetail> tooLarge(long limit) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The request body exceeds " + limit + " bytes",
                List.of(new FieldError("body", "too large")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeFilter.BodyTooLarge tooLarge) {
                return tooLarge(tooLarge.limit());
            }
        }
        if (e.getCause() instanceof UnrecognizedPropertyException u) {
            return problem(HttpStatus.BAD_REQUEST, "Unknown field " + u.getPropertyName(),
                    List.of(new FieldError(StrictJson.path(u), "unknown field")));
        }
        if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StrictJson.Refusal refusal = StrictJson.refusal(m);
            return problem(HttpStatus.BAD_REQUEST, "Invalid value for " + refusal.field() + ": " + refusal.message(),
                    List.of(new FieldError(refusal.field(), refusal.message())));
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON",
                List.of(new FieldError("body", "not valid JSON")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of(new FieldError(e.getHeaderName(), "required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), List.of(new FieldError("Content-Type", "unsupported")));
    }
}
