package io.barometer.command.importing;

import java.util.Set;

import io.barometer.command.response.SubmitResponse;

/** {@code submitResponse}: the collectivité hands its answers in. */
public record SubmitResponseLine(@Required String campaign, @Required String collectivite) implements ResponseLine {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new SubmitResponse(responseId(), null);
    }
}
