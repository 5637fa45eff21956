package io.barometer.command.collectivite;

import io.barometer.events.CollectiviteKind;
import io.swagger.v3.oas.annotations.media.Schema;

/** The fields of a correction with their exact types; which of them were given is read from the patch itself. */
@Schema(description = "A JSON merge patch: a field left out stays, `population` or `parentId` given as null "
        + "becomes unknown. `reason` is required here or in X-Change-Reason.", example = """
        {"population": 70000, "reason": "Population renseignée via l'INSEE"}""")
record CorrectionRequest(String name, CollectiviteKind kind, String region,
                         @Schema(minimum = "0", maximum = "20000000", types = {"integer", "null"}) Integer population,
                         @Schema(types = {"string", "null"}) String parentId, @Schema(maxLength = 500) String reason) {
}
