package io.barometer.command.importing;

import java.util.Set;

import io.barometer.command.response.StartResponse;

/** {@code startResponse}: a collectivité joins a campaign. */
public record StartResponseLine(@Required String campaign, @Required String collectivite) implements ResponseLine {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new StartResponse(responseId(), null, campaign, collectivite);
    }
}
