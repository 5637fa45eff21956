package io.barometer.command.importing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.barometer.command.response.RankMotivations;
import io.barometer.events.Motivation;

/** {@code rankMotivations}: the motivations in order, and each one's definitions in order. */
public record RankMotivationsLine(@Required String campaign, @Required String collectivite,
                                  @Required List<Motivation> ranking, Map<Motivation, List<String>> definitions)
        implements ResponseLine {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new RankMotivations(responseId(), null, ranking, definitions);
    }
}
