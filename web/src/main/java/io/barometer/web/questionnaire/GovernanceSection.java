package io.barometer.web.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.barometer.web.api.ResponseState;

/** One project's governance (measure, means, the three modes): one command for the whole. */
public final class GovernanceSection implements Section {

    static final List<String> KEYS = List.of("measure", "means", "managementMode", "decisionMode", "coordination");
    private static final Group GOVERNANCE = new Group("governance", KEYS);

    private final Target target;
    private final String project;

    public GovernanceSection(Target target, String project) {
        this.target = target;
        this.project = project;
    }

    public static String id(String project) {
        return "governance-" + project;
    }

    @Override
    public String id() {
        return id(project);
    }

    @Override
    public Map<String, String> values(ResponseState state) {
        ResponseState.Governance g = state.projects().stream().filter(p -> p.project().equals(project)).findFirst()
                .map(ResponseState.Project::governance).orElse(ResponseState.Governance.NONE);
        if (g == null) {
            g = ResponseState.Governance.NONE;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("measure", text(g.measure()));
        values.put("means", text(g.means()));
        values.put("managementMode", text(g.managementMode()));
        values.put("decisionMode", text(g.decisionMode()));
        values.put("coordination", text(g.coordination()));
        return values;
    }

    @Override
    public List<Group> groups() {
        return List.of(GOVERNANCE);
    }

    @Override
    public java.util.Optional<Map.Entry<String, String>> check(Group group, Map<String, String> values, Map<String, String> was) {
        for (String key : List.of("measure", "means")) {
            String v = values.getOrDefault(key, "");
            if (!v.isEmpty() && !v.matches("[1-4]")) {
                return java.util.Optional.of(Map.entry(key, "must be an integer from 1 to 4"));
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public Command command(Group group, Map<String, String> values, Map<String, String> was) {
        ResponseState.Governance g = new ResponseState.Governance(number(values.get("measure")),
                number(values.get("means")), ProfileSection.blankToNull(values.get("managementMode")),
                ProfileSection.blankToNull(values.get("decisionMode")),
                ProfileSection.blankToNull(values.get("coordination")));
        return ifMatch -> target.services().governance(target.caller(), target.campaign(), target.collectivite(),
                ifMatch, project, g);
    }

    private static Integer number(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
