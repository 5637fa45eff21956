package io.barometer.support.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.events.questionnaire.Questionnaire;

/**
 * The questionnaire definitions bundled with the product (shared-events' resources), read once from the
 * classpath: here rather than beside the model, which must not bring a JSON parser to every module.
 */
public final class Questionnaires {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, Questionnaire> CACHE = new ConcurrentHashMap<>();

    private Questionnaires() {
    }

    public static Optional<Questionnaire> find(String id) {
        if (id == null || !Questionnaire.BUNDLED.contains(id)) {
            return Optional.empty();
        }
        return Optional.of(CACHE.computeIfAbsent(id, Questionnaires::load));
    }

    public static Questionnaire get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown questionnaire " + id));
    }

    private static Questionnaire load(String id) {
        try (InputStream in = Questionnaires.class.getResourceAsStream("/questionnaires/" + id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("questionnaire resource missing: " + id);
            }
            return MAPPER.readValue(in, Questionnaire.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
