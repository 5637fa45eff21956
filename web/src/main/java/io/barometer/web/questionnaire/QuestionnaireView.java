package io.barometer.web.questionnaire;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.web.api.Caller;
import io.barometer.web.api.Campaign;
import io.barometer.web.api.ResponseState;
import io.barometer.web.page.Texts;

/**
 * A questionnaire page: the campaign's definition (its labels), the response as stored, what each section
 * shows (stored values, or what was just typed with its errors and conflicts), and whether this person may
 * write to it now.
 */
public final class QuestionnaireView {

    private final Campaign campaign;
    private final String collectivite;
    private final ResponseState state;
    private final Map<String, SectionState> sections;
    private final long version;
    private final boolean writable;
    private final Caller.Proxy proxy;
    private final boolean admin;
    private final Instant now;
    private final ZoneId zone;

    public QuestionnaireView(Campaign campaign, String collectivite, ResponseState state,
                             Map<String, SectionState> sections, long version, boolean writable, Caller.Proxy proxy,
                             boolean admin, Instant now, ZoneId zone) {
        this.campaign = campaign;
        this.collectivite = collectivite;
        this.state = state;
        this.sections = new LinkedHashMap<>(sections);
        this.version = version;
        this.writable = writable;
        this.proxy = proxy;
        this.admin = admin;
        this.now = now;
        this.zone = zone;
    }

    /** Every section's stored values, with the given ones (just saved or refused) in their place. */
    public static Map<String, SectionState> sectionsOf(List<Section> sections, ResponseState state,
                                                       Map<String, SectionState> overrides) {
        Map<String, SectionState> all = new LinkedHashMap<>();
        for (Section s : sections) {
            all.put(s.id(), overrides.containsKey(s.id()) ? overrides.get(s.id())
                    : SectionState.of(state == null ? Map.of() : s.values(state)));
        }
        return all;
    }

    /** The sections of a response: profile, one per domain, one governance per project, motivations, actors. */
    public static List<Section> sections(Target target, Questionnaire definition, ResponseState state) {
        List<Section> all = new ArrayList<>();
        all.add(new ProfileSection(target));
        for (Questionnaire.Domain d : definition.domains()) {
            all.add(new ProjectsSection(target, d,
                    state == null ? List.of() : ProjectsSection.freeProjectsOf(state, d.key())));
        }
        if (state != null) {
            state.projects().forEach(p -> all.add(new GovernanceSection(target, p.project())));
        }
        all.add(new MotivationsSection(target, definition));
        all.add(new ActorsSection(target, definition));
        return all;
    }

    public Campaign campaign() {
        return campaign;
    }

    public Questionnaire definition() {
        return campaign.definition();
    }

    public String collectivite() {
        return collectivite;
    }

    /** The collectivité's name as registered, else its id. */
    public String collectiviteName() {
        return state != null && state.collectiviteProfile() != null && state.collectiviteProfile().name() != null
                ? state.collectiviteProfile().name() : collectivite;
    }

    public ResponseState state() {
        return state;
    }

    public boolean started() {
        return state != null;
    }

    public boolean submitted() {
        return state != null && state.submitted();
    }

    public long version() {
        return version;
    }

    /** Answers can be given now: started, not submitted, by its respondent or an admin keying in on its behalf. */
    public boolean writable() {
        return writable && started() && !submitted();
    }

    public Caller.Proxy proxy() {
        return proxy;
    }

    public boolean admin() {
        return admin;
    }

    public boolean closed() {
        return campaign.closedAt(now);
    }

    public String base() {
        return "/campaigns/" + campaign.campaign() + "/responses/" + collectivite;
    }

    public SectionState section(String id) {
        return sections.getOrDefault(id, SectionState.of(Map.of()));
    }

    public List<Progress> progress() {
        return Progress.of(definition(), state);
    }

    public int sectionsComplete() {
        return Progress.sectionsComplete(progress());
    }

    public List<ResponseState.Project> projects() {
        return state == null ? List.of() : state.projects();
    }

    public List<ResponseState.Project> projectsOf(String domain) {
        return projects().stream().filter(p -> p.domain().equals(domain)).toList();
    }

    public String projectName(ResponseState.Project p) {
        return p.catalogueItem() != null ? definition().catalogueLabel(p.catalogueItem()) : p.label();
    }

    public String domainLabel(String key) {
        return definition().domain(key).map(Questionnaire.Domain::label).orElse(key);
    }

    public String statusLabel(String key) {
        return definition().progressStatuses().stream().filter(s -> s.key().equals(key)).findFirst()
                .map(Questionnaire.ProgressStatusLabel::label).orElse(key);
    }

    /** The free projects a section shows now: those stored and those just added, by {@code label.P}. */
    public List<String> freeProjects(String sectionId) {
        return ProjectsSection.freeProjectsOf(section(sectionId).values());
    }

    /** A project's name for the history: its catalogue label or free label, else its id. */
    public String projectLabel(String project) {
        return projects().stream().filter(p -> p.project().equals(project)).findFirst().map(this::projectName)
                .orElse(project);
    }

    /** A value of the history (API field names: status, level, measure, role…) as the person reads it. */
    public String show(String field, Object value, Texts t) {
        if (value == null) {
            return "—";
        }
        if (!(value instanceof String text)) {
            return String.valueOf(value);
        }
        if (field == null) {
            return text;
        }
        String key = switch (field) {
            case "status" -> "status.x";
            case "level" -> "level.x";
            default -> field;
        };
        return describe(key, text, t);
    }

    /** The id of a field of a section on the page (keys hold dots, which CSS selectors would have to escape). */
    public static String fieldId(String sectionId, String key) {
        return sectionId + "__" + key.replace('.', '-');
    }

    /** The error's id for aria-describedby when the field has one, else null (no attribute). */
    public String errorIdOf(String sectionId, String key) {
        return section(sectionId).error(key) == null ? null : fieldId(sectionId, key) + "-error";
    }

    public boolean invalid(String sectionId, String key) {
        return section(sectionId).error(key) != null;
    }

    /** A stored or typed value as the person reads it, for showing a colleague's answer beside one's own. */
    public String describe(String key, String value, Texts t) {
        if (value == null || value.isEmpty()) {
            return key.startsWith("item.") || key.startsWith("keep.") ? t.get("conflict.notDeclared") : t.get("answer.none");
        }
        Questionnaire d = definition();
        if (key.startsWith("item.") || key.startsWith("keep.")) {
            return t.get("conflict.declared");
        }
        if (key.startsWith("status.") || key.equals("newStatus")) {
            return statusLabel(value);
        }
        if (key.equals("worksInDigital")) {
            return t.get("true".equals(value) ? "answer.yes" : "answer.no");
        }
        if (key.equals("role")) {
            return choice(d.respondentRoles(), value);
        }
        if (key.startsWith("level.")) {
            return choice(d.agreementScale(), value);
        }
        if (key.equals("managementMode")) {
            return choice(d.managementModes(), value);
        }
        if (key.equals("decisionMode")) {
            return choice(d.decisionModes(), value);
        }
        if (key.equals("coordination")) {
            return choice(d.coordinationModes(), value);
        }
        if (key.startsWith("rank.") || key.startsWith("def.")) {
            return t.get("motivations.rankN", value);
        }
        return value;
    }

    private static String choice(List<Questionnaire.Choice> choices, String key) {
        return choices == null ? key : choices.stream().filter(c -> c.key().equals(key)).findFirst()
                .map(Questionnaire.Choice::label).orElse(key);
    }

    /** The label of a field key, for a conflict's list. */
    public String fieldLabel(String key, Texts t) {
        Questionnaire d = definition();
        if (key.startsWith("level.")) {
            String s = key.substring("level.".length());
            return d.actorStatements().stream().filter(a -> a.key().equals(s)).findFirst()
                    .map(Questionnaire.ActorStatement::label).orElse(s);
        }
        if (key.startsWith("item.") || key.startsWith("status.") && d.domains().stream()
                .anyMatch(x -> x.hasCatalogueItem(key.substring("status.".length())))) {
            String item = key.substring(key.indexOf('.') + 1);
            return d.catalogueLabel(item) + (key.startsWith("status.") ? " — " + t.get("projects.status") : "");
        }
        if (key.startsWith("rank.")) {
            return motivationLabel(key.substring("rank.".length()));
        }
        return t.orElse("field." + key.replaceAll("\\..*", ""), key);
    }

    public String motivationLabel(String key) {
        return definition().motivations().stream().filter(m -> m.key().name().equals(key)).findFirst()
                .map(Questionnaire.MotivationDefinition::label).orElse(key);
    }

    /** An error message of a section: the page's own words for the page's checks, the API's words otherwise. */
    public static String message(String error, Texts t) {
        if (error != null && error.startsWith("text:")) {
            return t.get(error.substring(5));
        }
        // Bean validation's words for a missing answer; the API's other messages name the rule they enforce.
        return "must not be null".equals(error) ? t.get("answer.required") : error;
    }
}
