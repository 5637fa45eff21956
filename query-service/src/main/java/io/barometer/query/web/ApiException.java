package io.barometer.query.web;

import org.springframework.http.HttpStatus;

/** A refused read; becomes a problem+json naming the parameter at fault. */
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

    public static ApiException notFound(String field, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, field, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, null, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
