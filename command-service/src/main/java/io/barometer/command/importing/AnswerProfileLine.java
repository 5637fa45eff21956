package io.barometer.command.importing;

import java.util.Set;

import io.barometer.command.response.AnswerProfile;
import io.barometer.events.RespondentRole;

/** {@code answerProfile}: who answers for the collectivité. */
public record AnswerProfileLine(@Required String campaign, @Required String collectivite,
                                @Required RespondentRole role, @Required Boolean worksInDigital, String organisation)
        implements ResponseLine {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new AnswerProfile(responseId(), null, role, worksInDigital, organisation);
    }
}
