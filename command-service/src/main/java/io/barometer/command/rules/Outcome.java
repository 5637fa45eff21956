package io.barometer.command.rules;

/** What a command did: the aggregate's version afterwards, and whether it applied any event. */
public record Outcome(long version, boolean changed) {
}
