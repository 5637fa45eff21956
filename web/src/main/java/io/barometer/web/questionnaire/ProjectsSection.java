package io.barometer.web.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.web.api.ResponseState;

/**
 * One domain's projects: the catalogue items to tick, each with a status, the free projects already declared
 * (kept or withdrawn, a status each) and one free project to add. Ticking an item declares it, unticking it
 * withdraws it, a new status updates its progress: one command each.
 *
 * <p>Field keys: {@code item.K}/{@code status.K}/{@code id.K} for catalogue item K, {@code keep.P}/{@code status.P}
 * /{@code label.P} for free project P, {@code newLabel}/{@code newStatus} for the one to add.
 */
public final class ProjectsSection implements Section {

    public static final String ON = "on";

    private final Target target;
    private final Questionnaire.Domain domain;
    private final List<String> freeProjects;

    /**
     * @param freeProjects the ids of the free projects the form shows (from the stored state or the form's labels)
     */
    public ProjectsSection(Target target, Questionnaire.Domain domain, List<String> freeProjects) {
        this.target = target;
        this.domain = domain;
        this.freeProjects = freeProjects;
    }

    public static String id(String domain) {
        return "projects-" + domain;
    }

    /** The free projects a submitted form showed: one {@code label.P} each. */
    public static List<String> freeProjectsOf(Map<String, String> form) {
        return form.keySet().stream().filter(k -> k.startsWith("label.")).map(k -> k.substring("label.".length()))
                .toList();
    }

    public static List<String> freeProjectsOf(ResponseState state, String domain) {
        return state.projects().stream().filter(p -> p.domain().equals(domain) && p.catalogueItem() == null)
                .map(ResponseState.Project::project).toList();
    }

    @Override
    public String id() {
        return id(domain.key());
    }

    @Override
    public Map<String, String> values(ResponseState state) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Questionnaire.Choice item : domain.catalogue()) {
            Optional<ResponseState.Project> p = state.projects().stream()
                    .filter(x -> x.domain().equals(domain.key()) && item.key().equals(x.catalogueItem())).findFirst();
            values.put("item." + item.key(), p.isPresent() ? ON : "");
            values.put("status." + item.key(), p.map(x -> orEmpty(x.status())).orElse(""));
            values.put("id." + item.key(), p.map(ResponseState.Project::project).orElse(""));
        }
        for (ResponseState.Project p : state.projects()) {
            if (p.domain().equals(domain.key()) && p.catalogueItem() == null) {
                values.put("keep." + p.project(), ON);
                values.put("status." + p.project(), orEmpty(p.status()));
                values.put("label." + p.project(), orEmpty(p.label()));
            }
        }
        values.put("newLabel", "");
        values.put("newStatus", "");
        return values;
    }

    @Override
    public List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        for (Questionnaire.Choice item : domain.catalogue()) {
            groups.add(new Group("item." + item.key(), List.of("item." + item.key(), "status." + item.key())));
        }
        for (String p : freeProjects) {
            groups.add(new Group("free." + p, List.of("keep." + p, "status." + p)));
        }
        groups.add(new Group("new", List.of("newLabel", "newStatus")));
        return groups;
    }

    @Override
    public Optional<Map.Entry<String, String>> check(Group group, Map<String, String> values, Map<String, String> was) {
        if (group.id().equals("new")) {
            return Optional.empty();
        }
        String on = group.keys().get(0);
        String status = group.keys().get(1);
        // The API has no "status not answered any more": a project keeps its status until it is withdrawn.
        if (ON.equals(values.get(on)) && ON.equals(was.get(on)) && values.getOrDefault(status, "").isEmpty()
                && !was.getOrDefault(status, "").isEmpty()) {
            return Optional.of(Map.entry(status, "text:projects.statusCannotBeCleared"));
        }
        return Optional.empty();
    }

    @Override
    public Command command(Group group, Map<String, String> values, Map<String, String> was) {
        if (group.id().equals("new") && values.getOrDefault("newLabel", "").isBlank()) {
            // A status chosen before the label is typed waits for the label: nothing to send yet.
            return null;
        }
        if (group.id().equals("new")) {
            String label = values.get("newLabel").strip();
            String status = ProfileSection.blankToNull(values.get("newStatus"));
            String project = UUID.randomUUID().toString();
            return ifMatch -> {
                var written = target.services().declare(target.caller(), target.campaign(), target.collectivite(),
                        ifMatch, project, domain.key(), null, label, status);
                // The new project becomes one of the domain's free projects on the page.
                for (Map<String, String> m : List.of(values, was)) {
                    m.put("keep." + project, ON);
                    m.put("status." + project, status == null ? "" : status);
                    m.put("label." + project, label);
                }
                values.put("newLabel", "");
                values.put("newStatus", "");
                return written;
            };
        }
        boolean free = group.id().startsWith("free.");
        String suffix = group.id().substring(free ? "free.".length() : "item.".length());
        String project = free ? suffix : values.getOrDefault("id." + suffix, "");
        String status = ProfileSection.blankToNull(values.get("status." + suffix));
        boolean wasOn = ON.equals(was.get(group.keys().get(0)));
        boolean on = ON.equals(values.get(group.keys().get(0))) || (!wasOn && status != null);
        if (!on) {
            return ifMatch -> {
                var written = target.services().withdraw(target.caller(), target.campaign(), target.collectivite(),
                        ifMatch, project);
                values.put("status." + suffix, "");
                values.put(group.keys().get(0), "");
                return written;
            };
        }
        if (!wasOn) {
            String declared = UUID.randomUUID().toString();
            return ifMatch -> {
                var written = target.services().declare(target.caller(), target.campaign(), target.collectivite(),
                        ifMatch, declared, domain.key(), suffix, null, status);
                values.put(group.keys().get(0), ON);
                values.put("id." + suffix, declared);
                was.put("id." + suffix, declared);
                return written;
            };
        }
        return ifMatch -> target.services().progress(target.caller(), target.campaign(), target.collectivite(), ifMatch,
                project, status);
    }

    @Override
    public String fieldOf(Group group, String apiField) {
        if (group.id().equals("new")) {
            return apiField.equals("status") ? "newStatus" : "newLabel";
        }
        return Section.super.fieldOf(group, apiField);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
