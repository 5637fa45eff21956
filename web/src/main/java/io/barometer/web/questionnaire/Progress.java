package io.barometer.web.questionnaire;

import java.util.List;

import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.web.api.ResponseState;

/** How far one section of a response is filled: {@code done} of {@code total}. */
public record Progress(String section, int done, int total) {

    public boolean complete() {
        return total > 0 && done >= total;
    }

    public boolean started() {
        return done > 0;
    }

    /** Profile, projects (declared at all), governance (of each project), motivations, actors (each statement). */
    public static List<Progress> of(Questionnaire definition, ResponseState state) {
        if (state == null) {
            return List.of(new Progress("profile", 0, 1), new Progress("projects", 0, 1),
                    new Progress("governance", 0, 0), new Progress("motivations", 0, 1),
                    new Progress("actors", 0, definition.actorStatements().size()));
        }
        int projects = state.projects().size();
        int governed = (int) state.projects().stream()
                .filter(p -> p.governance() != null && p.governance().any()).count();
        int statements = definition.actorStatements().size();
        int rated = (int) definition.actorStatements().stream()
                .filter(s -> state.actors().containsKey(s.key())).count();
        return List.of(new Progress("profile", state.profile() == null ? 0 : 1, 1),
                new Progress("projects", projects > 0 ? 1 : 0, 1),
                new Progress("governance", governed, projects),
                new Progress("motivations", state.motivations() == null ? 0 : 1, 1),
                new Progress("actors", rated, statements));
    }

    /** Sections complete out of five; governance once every declared project has some governance. */
    public static int sectionsComplete(List<Progress> progress) {
        return (int) progress.stream().filter(Progress::complete).count();
    }
}
