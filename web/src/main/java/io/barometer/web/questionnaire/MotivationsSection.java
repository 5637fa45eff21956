package io.barometer.web.questionnaire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.web.api.ResponseState;

/**
 * The five motivations ranked 1–5 and, for each, its definitions ranked: a rank chosen per item from a list
 * (no drag and drop), checked to be a permutation here so that the person learns at once which rank is used
 * twice. One command for the whole.
 */
public final class MotivationsSection implements Section {

    private final Target target;
    private final Questionnaire definition;

    public MotivationsSection(Target target, Questionnaire definition) {
        this.target = target;
        this.definition = definition;
    }

    @Override
    public String id() {
        return "motivations";
    }

    public static String rankKey(String motivation) {
        return "rank." + motivation;
    }

    public static String definitionKey(String motivation, String definitionKey) {
        return "def." + motivation + "." + definitionKey;
    }

    @Override
    public Map<String, String> values(ResponseState state) {
        Map<String, String> values = new LinkedHashMap<>();
        ResponseState.Motivations m = state.motivations();
        for (Questionnaire.MotivationDefinition md : definition.motivations()) {
            String name = md.key().name();
            int rank = m == null || m.ranking() == null ? -1 : m.ranking().indexOf(name);
            values.put(rankKey(name), rank < 0 ? "" : Integer.toString(rank + 1));
            List<String> ranked = m == null || m.definitions() == null ? List.of()
                    : m.definitions().getOrDefault(name, List.of());
            for (Questionnaire.Choice d : md.definitions()) {
                int r = ranked.indexOf(d.key());
                values.put(definitionKey(name, d.key()), r < 0 ? "" : Integer.toString(r + 1));
            }
        }
        return values;
    }

    @Override
    public List<Group> groups() {
        List<String> keys = new ArrayList<>();
        for (Questionnaire.MotivationDefinition md : definition.motivations()) {
            keys.add(rankKey(md.key().name()));
            md.definitions().forEach(d -> keys.add(definitionKey(md.key().name(), d.key())));
        }
        return List.of(new Group("motivations", keys));
    }

    @Override
    public Optional<Map.Entry<String, String>> check(Group group, Map<String, String> values, Map<String, String> was) {
        List<String> ranks = definition.motivations().stream().map(md -> rankKey(md.key().name())).toList();
        Optional<Map.Entry<String, String>> refused = permutation(ranks, values);
        if (refused.isPresent()) {
            return refused;
        }
        for (Questionnaire.MotivationDefinition md : definition.motivations()) {
            List<String> keys = md.definitions().stream().map(d -> definitionKey(md.key().name(), d.key())).toList();
            boolean none = keys.stream().allMatch(k -> values.getOrDefault(k, "").isEmpty());
            if (!none) {
                refused = permutation(keys, values);
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first field whose rank is out of 1..n or already given (blanks wait: see {@link #complete}). Messages
     * are keys of the page's texts (prefixed "text:") since they speak of the page's lists, not of the API.
     */
    private static Optional<Map.Entry<String, String>> permutation(List<String> keys, Map<String, String> values) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String key : keys) {
            String v = values.getOrDefault(key, "");
            if (v.isEmpty()) {
                continue;
            }
            int rank;
            try {
                rank = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                rank = 0;
            }
            if (rank < 1 || rank > keys.size()) {
                return Optional.of(Map.entry(key, "text:motivations.rankRange"));
            }
            if (seen.containsKey(v)) {
                return Optional.of(Map.entry(key, "text:motivations.rankTwice"));
            }
            seen.put(v, key);
        }
        return Optional.empty();
    }

    @Override
    public String pendingMessage(Group group) {
        return "motivations.rankEach";
    }

    /** Every motivation ranked, and each motivation's definitions all ranked or none. */
    private boolean complete(Map<String, String> values) {
        for (Questionnaire.MotivationDefinition md : definition.motivations()) {
            if (values.getOrDefault(rankKey(md.key().name()), "").isEmpty()) {
                return false;
            }
            long ranked = md.definitions().stream()
                    .filter(d -> !values.getOrDefault(definitionKey(md.key().name(), d.key()), "").isEmpty()).count();
            if (ranked != 0 && ranked != md.definitions().size()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Command command(Group group, Map<String, String> values, Map<String, String> was) {
        if (!complete(values)) {
            return null;
        }
        List<String> ranking = definition.motivations().stream().map(md -> md.key().name())
                .sorted(Comparator.comparingInt(name -> Integer.parseInt(values.get(rankKey(name))))).toList();
        Map<String, List<String>> definitions = new LinkedHashMap<>();
        for (Questionnaire.MotivationDefinition md : definition.motivations()) {
            String name = md.key().name();
            if (md.definitions().isEmpty()
                    || values.getOrDefault(definitionKey(name, md.definitions().get(0).key()), "").isEmpty()) {
                continue;
            }
            definitions.put(name, md.definitions().stream().map(Questionnaire.Choice::key)
                    .sorted(Comparator.comparingInt(d -> Integer.parseInt(values.get(definitionKey(name, d))))).toList());
        }
        return ifMatch -> target.services().motivations(target.caller(), target.campaign(), target.collectivite(),
                ifMatch, ranking, definitions);
    }

    @Override
    public String fieldOf(Group group, String apiField) {
        if (apiField.startsWith("definitions.")) {
            String motivation = apiField.substring("definitions.".length());
            return group.keys().stream().filter(k -> k.startsWith("def." + motivation + ".")).findFirst()
                    .orElse(group.keys().get(0));
        }
        return group.keys().get(0);
    }
}
