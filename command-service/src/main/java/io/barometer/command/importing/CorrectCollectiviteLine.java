package io.barometer.command.importing;

import java.util.HashSet;
import java.util.Set;

import io.barometer.command.collectivite.CorrectCollectivite;
import io.barometer.events.CollectiviteKind;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code correctCollectivite}: a merge patch of a collectivité's fields, with a reason. Only the fields the line
 * gives change: a {@code population} given as null becomes unknown, one left out stays.
 */
public record CorrectCollectiviteLine(@Required String collectivite, String name, CollectiviteKind kind,
                                      String region, @Schema(minimum = "0", maximum = "20000000") Integer population,
                                      String parentId) implements ImportOp, AdminOp {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        if (header.reason() == null || header.reason().isBlank()) {
            throw new BadLine("reason", "a correction of a collectivité needs a reason");
        }
        Set<String> fields = new HashSet<>(given);
        fields.retainAll(CorrectCollectivite.CORRECTABLE);
        return new CorrectCollectivite(collectivite, fields, name, kind, region, population, parentId);
    }
}
