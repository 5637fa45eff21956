package io.barometer.web.questionnaire;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.Map;

/**
 * What one section of the questionnaire shows: the values in its fields, the values the page last knew to
 * be stored ({@code was}, sent back hidden so that a colleague's change can be told from one's own), and
 * after a save the groups saved, the errors by field and the conflicts by group.
 *
 * @param conflicts for each group a colleague changed meanwhile, the colleague's values by field
 * @param pending for each group changed but not complete enough to send, what it still needs (a text key)
 */
public record SectionState(Map<String, String> values, Map<String, String> was, Map<String, LocalTime> saved,
                           Map<String, String> errors, Map<String, Map<String, String>> conflicts,
                           Map<String, String> pending)
        implements Serializable {

    public static SectionState of(Map<String, String> stored) {
        return new SectionState(stored, stored, Map.of(), Map.of(), Map.of(), Map.of());
    }

    public String value(String key) {
        return values.getOrDefault(key, "");
    }

    public String was(String key) {
        return was.getOrDefault(key, "");
    }

    public boolean is(String key, String value) {
        return value.equals(value(key));
    }

    public String error(String key) {
        return errors.get(key);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public LocalTime savedAt(String group) {
        return saved.get(group);
    }

    public Map<String, String> conflict(String group) {
        return conflicts.get(group);
    }

    public String pending(String group) {
        return pending.get(group);
    }

    public boolean troubled() {
        return !errors.isEmpty() || !conflicts.isEmpty();
    }
}
