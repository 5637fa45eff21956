package io.barometer.command.importing;

import java.util.Set;

import io.barometer.command.response.RateActorStatement;
import io.barometer.events.AgreementLevel;

/** {@code rateActorStatement}: how far the collectivité agrees with one statement about its actors. */
public record RateActorStatementLine(@Required String campaign, @Required String collectivite,
                                     @Required String statement, @Required AgreementLevel level)
        implements ResponseLine {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new RateActorStatement(responseId(), null, statement, level);
    }
}
