package io.barometer.support.web;

import org.springframework.http.HttpStatus;

/**
 * A request refused before it reaches a command or a view (a bad header, a parameter, a forbidden target);
 * each service's problem handler answers it as problem+json naming the field at fault.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public ApiException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, field, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, null, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, null, message);
    }

    public static ApiException notFound(String field, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, field, message);
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(HttpStatus.CONFLICT, field, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
