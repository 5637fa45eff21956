package io.barometer.events.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The questionnaire definitions bundled with the product, read once from the classpath. */
public final class Questionnaires {

    /** Every bundled definition; a campaign may only be opened with one of these. */
    public static final List<String> BUNDLED = List.of("bvn-2013", "bvn-2014");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, Questionnaire> CACHE = new ConcurrentHashMap<>();

    private Questionnaires() {
    }

    public static Optional<Questionnaire> find(String id) {
        if (id == null || !BUNDLED.contains(id)) {
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
