package io.barometer.web.api;

import java.util.List;
import java.util.Optional;

/** A refusal of one of the services, as its problem+json said it: the status and each bad field in the API's words. */
public class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail != null ? detail : title);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean stale() {
        return status == 412;
    }

    /** The message the service gave about one field, if it named it. */
    public Optional<String> about(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(FieldError::message).findFirst();
    }
}
