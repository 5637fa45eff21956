package io.barometer.query.web;

import org.springframework.http.HttpStatus;

/**
 * The shared {@link io.barometer.support.web.ApiException} under its former name, for {@code asof/ViewParameters},
 * which this change leaves alone while that package is being reshaped; it goes once asof imports the shared one.
 */
public class ApiException extends io.barometer.support.web.ApiException {

    private ApiException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, field, message);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(field, message);
    }
}
