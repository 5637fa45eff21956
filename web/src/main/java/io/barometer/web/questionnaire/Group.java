package io.barometer.web.questionnaire;

import java.util.List;
import java.util.Map;

/**
 * The fields of a section that one command saves together: a profile, a project's status, a governance,
 * the motivations' ranking, one actor statement.
 */
public record Group(String id, List<String> keys) {

    public Map<String, String> slice(Map<String, String> values) {
        Map<String, String> slice = new java.util.LinkedHashMap<>();
        for (String key : keys) {
            slice.put(key, values.getOrDefault(key, ""));
        }
        return slice;
    }

    public boolean changed(Map<String, String> values, Map<String, String> was) {
        return !slice(values).equals(slice(was));
    }
}
