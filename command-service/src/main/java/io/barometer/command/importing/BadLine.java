package io.barometer.command.importing;

/** A line refused before any command is sent: the field at fault and what is wrong with it. */
class BadLine extends RuntimeException {

    private final String field;

    BadLine(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
