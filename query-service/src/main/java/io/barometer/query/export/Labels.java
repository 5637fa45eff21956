package io.barometer.query.export;

import java.util.List;

import io.barometer.events.questionnaire.Questionnaire;

/** French labels of the codes, from the campaign's questionnaire definition. */
final class Labels {

    private final Questionnaire q;

    Labels(Questionnaire q) {
        this.q = q;
    }

    String domain(String key) {
        return q.domain(key).map(Questionnaire.Domain::label).orElse(null);
    }

    String catalogueItem(String key) {
        return key == null ? null : q.catalogueLabel(key);
    }

    String status(Enum<?> status) {
        return status == null ? null : q.progressStatuses().stream().filter(s -> s.key().equals(status.name()))
                .map(Questionnaire.ProgressStatusLabel::label).findFirst().orElse(null);
    }

    String measure(Integer level) {
        return level(q.measureLevels(), level);
    }

    String means(Integer level) {
        return level(q.meansLevels(), level);
    }

    String managementMode(Enum<?> mode) {
        return choice(q.managementModes(), mode);
    }

    String decisionMode(Enum<?> mode) {
        return choice(q.decisionModes(), mode);
    }

    String coordination(Enum<?> mode) {
        return choice(q.coordinationModes(), mode);
    }

    String kind(Enum<?> kind) {
        return choice(q.collectiviteKinds(), kind);
    }

    String role(Enum<?> role) {
        return choice(q.respondentRoles(), role);
    }

    String agreement(Enum<?> level) {
        return choice(q.agreementScale(), level);
    }

    private static String level(List<Questionnaire.Level> levels, Integer level) {
        return level == null ? null : levels.stream().filter(l -> l.level() == level)
                .map(Questionnaire.Level::label).findFirst().orElse(null);
    }

    private static String choice(List<Questionnaire.Choice> choices, Enum<?> value) {
        return value == null ? null : choices.stream().filter(c -> c.key().equals(value.name()))
                .map(Questionnaire.Choice::label).findFirst().orElse(null);
    }
}
