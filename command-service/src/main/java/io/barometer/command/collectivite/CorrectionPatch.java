package io.barometer.command.collectivite;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.barometer.support.json.StrictJson;
import io.barometer.support.web.ApiException;

/**
 * Reads a correction of a collectivité from a JSON merge patch, where a field given as null (population) differs
 * from a field left out: the typed values come from a {@link CorrectionRequest}, which were given from the tree.
 */
final class CorrectionPatch {

    private CorrectionPatch() {
    }

    static CorrectCollectivite read(String collectivite, JsonNode body, ObjectMapper json) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        Set<String> fields = new HashSet<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (CorrectCollectivite.CORRECTABLE.contains(name)) {
                fields.add(name);
            } else if (!name.equals("reason")) {
                throw ApiException.invalid(name, "unknown field");
            }
        }
        ObjectNode typed = JsonNodeFactory.instance.objectNode();
        fields.forEach(name -> typed.set(name, body.get(name)));
        if (body.has("reason")) {
            typed.set("reason", body.get("reason"));
        }
        CorrectionRequest values;
        try {
            values = json.treeToValue(typed, CorrectionRequest.class);
        } catch (JsonProcessingException e) {
            StrictJson.Refusal refusal = StrictJson.refusal(e);
            throw ApiException.invalid(refusal.field(), refusal.message());
        }
        return new CorrectCollectivite(collectivite, fields, values.name(), values.kind(), values.region(),
                values.population(), values.parentId());
    }
}
