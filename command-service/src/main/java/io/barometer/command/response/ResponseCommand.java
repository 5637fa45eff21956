package io.barometer.command.response;

/**
 * A command on one response: its records already name the response and the version the sender expects,
 * which lets {@link CommandTargets} read them without reflection.
 */
public interface ResponseCommand {

    String responseId();

    Long expectedVersion();
}
