package io.barometer.command.importing;

import java.util.Set;

import io.barometer.command.collectivite.RegisterCollectivite;
import io.barometer.events.CollectiviteKind;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code registerCollectivite}: a city or intercommunality under the id it keeps across editions. */
public record RegisterCollectiviteLine(@Required String collectivite, @Required String name,
                                       @Required CollectiviteKind kind, @Required String region,
                                       @Schema(minimum = "0", maximum = "20000000") Integer population,
                                       String parentId) implements ImportOp, AdminOp {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new RegisterCollectivite(collectivite, name, kind, region, population, parentId);
    }
}
