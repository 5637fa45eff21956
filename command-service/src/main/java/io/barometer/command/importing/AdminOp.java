package io.barometer.command.importing;

/** An op only an admin performs: not an answer of a collectivité's own respondents. */
public interface AdminOp {
}
