package io.barometer.command.importing;

import java.util.Set;

import io.barometer.command.response.UpdateProgress;
import io.barometer.events.ProgressStatus;

/** {@code updateProgress}: a declared project moves on. */
public record UpdateProgressLine(@Required String campaign, @Required String collectivite,
                                 @Required String project, @Required ProgressStatus status) implements ResponseLine {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new UpdateProgress(responseId(), null, project, status);
    }
}
