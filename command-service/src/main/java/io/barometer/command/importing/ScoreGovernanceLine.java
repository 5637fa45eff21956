package io.barometer.command.importing;

import java.util.Set;

import io.barometer.command.response.ScoreGovernance;
import io.barometer.events.CoordinationMode;
import io.barometer.events.DecisionMode;
import io.barometer.events.Governance;
import io.barometer.events.ManagementMode;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code scoreGovernance}: a declared project's governance, given again whole. */
public record ScoreGovernanceLine(@Required String campaign, @Required String collectivite, @Required String project,
                                  @Schema(minimum = "1", maximum = "4") Integer measure,
                                  @Schema(minimum = "1", maximum = "4") Integer means, ManagementMode managementMode,
                                  DecisionMode decisionMode, CoordinationMode coordination) implements ResponseLine {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new ScoreGovernance(responseId(), null, project,
                new Governance(measure, means, managementMode, decisionMode, coordination));
    }
}
