package io.barometer.command.importing;

import java.util.Set;

import io.barometer.command.response.DeclareProject;
import io.barometer.events.CoordinationMode;
import io.barometer.events.DecisionMode;
import io.barometer.events.Governance;
import io.barometer.events.ManagementMode;
import io.barometer.events.ProgressStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code declareProject}: a project of the catalogue or under a free label, with its progress and governance. */
public record DeclareProjectLine(@Required String campaign, @Required String collectivite,
                                 @Required String project, @Required String domain, String catalogueItem,
                                 String label, ProgressStatus status, GovernanceLine governance)
        implements ResponseLine {

    /** The bounds in {@code @Schema} are those the HTTP API documents, quoted when a value has the wrong type. */
    public record GovernanceLine(@Schema(minimum = "1", maximum = "4") Integer measure,
                                 @Schema(minimum = "1", maximum = "4") Integer means, ManagementMode managementMode,
                                 DecisionMode decisionMode, CoordinationMode coordination) {
    }

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new DeclareProject(responseId(), null, project, domain, catalogueItem, label, status,
                governance == null ? null : new Governance(governance.measure(), governance.means(),
                        governance.managementMode(), governance.decisionMode(), governance.coordination()));
    }
}
