package io.barometer.web.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.web.api.ResponseState;

/** The actor statements, each rated on the 4-level scale: one command per statement. */
public final class ActorsSection implements Section {

    private final Target target;
    private final Questionnaire definition;

    public ActorsSection(Target target, Questionnaire definition) {
        this.target = target;
        this.definition = definition;
    }

    @Override
    public String id() {
        return "actors";
    }

    @Override
    public Map<String, String> values(ResponseState state) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Questionnaire.ActorStatement s : definition.actorStatements()) {
            values.put(key(s.key()), state.actors().getOrDefault(s.key(), ""));
        }
        return values;
    }

    @Override
    public List<Group> groups() {
        return definition.actorStatements().stream()
                .map(s -> new Group("actor." + s.key(), List.of(key(s.key())))).toList();
    }

    @Override
    public Command command(Group group, Map<String, String> values, Map<String, String> was) {
        String key = group.keys().get(0);
        String statement = key.substring("level.".length());
        String level = values.get(key);
        return ifMatch -> target.services().actor(target.caller(), target.campaign(), target.collectivite(), ifMatch,
                statement, level == null || level.isBlank() ? null : level);
    }

    public static String key(String statement) {
        return "level." + statement;
    }
}
