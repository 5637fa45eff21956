package io.barometer.command.importing;

import java.util.Set;

import io.barometer.command.response.ReopenResponse;

/** {@code reopenResponse}: an admin gives a submitted response back to its collectivité. */
public record ReopenResponseLine(@Required String campaign, @Required String collectivite)
        implements ResponseLine, AdminOp {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new ReopenResponse(responseId(), null);
    }
}
