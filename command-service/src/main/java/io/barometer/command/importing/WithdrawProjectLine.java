package io.barometer.command.importing;

import java.util.Set;

import io.barometer.command.response.WithdrawProject;

/** {@code withdrawProject}: a declared project taken back, for the line's reason. */
public record WithdrawProjectLine(@Required String campaign, @Required String collectivite,
                                  @Required String project) implements ResponseLine {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new WithdrawProject(responseId(), null, project, header.reason());
    }
}
