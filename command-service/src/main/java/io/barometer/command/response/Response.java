package io.barometer.command.response;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import io.barometer.command.campaign.CampaignDirectory;
import io.barometer.command.collectivite.CollectiviteDirectory;
import io.barometer.command.rules.Applied;
import io.barometer.command.rules.DomainException;
import io.barometer.command.rules.EffectiveClock;
import io.barometer.command.rules.Outcome;
import io.barometer.command.rules.Require;
import io.barometer.events.ActorStatementRated;
import io.barometer.events.AgreementLevel;
import io.barometer.events.Governance;
import io.barometer.events.GovernanceScored;
import io.barometer.events.Motivation;
import io.barometer.events.MotivationsRanked;
import io.barometer.events.ProgressStatus;
import io.barometer.events.ProgressUpdated;
import io.barometer.events.ProjectDeclared;
import io.barometer.events.ProjectWithdrawn;
import io.barometer.events.RespondentProfileAnswered;
import io.barometer.events.ResponseReopened;
import io.barometer.events.ResponseStarted;
import io.barometer.events.ResponseSubmitted;
import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.support.questionnaire.Questionnaires;

/**
 * One collectivité's answers in one campaign. Every rule is checked here before an event is applied;
 * a command that would change nothing applies nothing. Lateness is never refused: late answers are kept
 * and labelled by the read side. Each handler first skips an import line this response already applied:
 * it was checked then, and what came after it (a submission, a withdrawal) must not refuse it now.
 */
@Aggregate(cache = "responseCache", snapshotTriggerDefinition = "responseSnapshotTrigger",
        commandTargetResolver = CommandTargets.BEAN)
public class Response {

    static final int MAX_LABEL = 300;
    static final int MAX_TEXT = 500;

    @AggregateIdentifier
    private String responseId;
    private String campaignId;
    private String collectiviteId;
    private String questionnaireId;
    /** On the effective clock: no answer may count before the response existed. */
    private Instant startedAt;
    private boolean submitted;
    private RespondentProfileAnswered profile;
    private Map<String, Project> projects = new HashMap<>();
    private List<Motivation> ranking;
    private Map<Motivation, List<String>> definitions;
    private Map<String, AgreementLevel> actors = new HashMap<>();
    private Applied applied = new Applied();

    /** A declared project as the aggregate needs it to check later commands. */
    record Project(ProjectDeclared declared, Instant declaredAt, ProgressStatus status, Governance governance,
                   boolean withdrawn) {
    }

    protected Response() {
    }

    public static String id(String campaignId, String collectiviteId) {
        return campaignId + ":" + collectiviteId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(StartResponse cmd, MetaData meta, CampaignDirectory campaigns, CollectiviteDirectory collectivites) {
        if (applied.alreadyImported(meta)) {
            return applied.unchanged();
        }
        long before = applied.version();
        if (responseId != null) {
            return applied.since(before);
        }
        String questionnaire = campaigns.questionnaireOf(cmd.campaignId())
                .orElseThrow(() -> DomainException.notFound("campaign", "no campaign " + cmd.campaignId()));
        if (!collectivites.exists(cmd.collectiviteId())) {
            throw DomainException.notFound("collectivite", "no collectivité " + cmd.collectiviteId());
        }
        apply(new ResponseStarted(cmd.responseId(), cmd.campaignId(), cmd.collectiviteId(), questionnaire));
        return applied.since(before);
    }

    @CommandHandler
    public Outcome handle(AnswerProfile cmd, MetaData meta) {
        if (applied.alreadyImported(meta)) {
            return applied.unchanged();
        }
        long before = applied.version();
        checkWritable(meta);
        if (cmd.role() == null) {
            throw DomainException.invalid("role", "is required");
        }
        if (cmd.worksInDigital() == null) {
            throw DomainException.invalid("worksInDigital", "is required");
        }
        if (cmd.organisation() != null && cmd.organisation().length() > MAX_TEXT) {
            throw DomainException.invalid("organisation", "is longer than " + MAX_TEXT + " characters");
        }
        var event = new RespondentProfileAnswered(responseId, campaignId, collectiviteId, cmd.role(),
                cmd.worksInDigital(), cmd.organisation());
        if (!event.equals(profile)) {
            apply(event);
        }
        return applied.since(before);
    }

    @CommandHandler
    public Outcome handle(DeclareProject cmd, MetaData meta) {
        if (applied.alreadyImported(meta)) {
            return applied.unchanged();
        }
        long before = applied.version();
        checkWritable(meta);
        requireUuid(cmd.projectId());
        Questionnaire q = questionnaire();
        Questionnaire.Domain domain = q.domain(cmd.domain()).orElseThrow(() -> DomainException.invalid("domain",
                "unknown domain " + cmd.domain() + " in questionnaire " + questionnaireId));
        if ((cmd.catalogueItem() == null) == (cmd.label() == null)) {
            throw DomainException.invalid("catalogueItem", "give either a catalogueItem or a free label, not both");
        }
        if (cmd.catalogueItem() != null && !domain.hasCatalogueItem(cmd.catalogueItem())) {
            throw DomainException.invalid("catalogueItem", "unknown catalogue item " + cmd.catalogueItem()
                    + " in domain " + cmd.domain());
        }
        if (cmd.label() != null) {
            Require.text("label", cmd.label(), MAX_LABEL);
        }
        Governance governance = cmd.governance() == null ? Governance.NONE : cmd.governance();
        checkGovernance(q, governance);
        var event = new ProjectDeclared(responseId, campaignId, collectiviteId, cmd.projectId(), cmd.domain(),
                cmd.catalogueItem(), cmd.label(), cmd.status(), governance);
        Project existing = projects.get(cmd.projectId());
        if (existing != null) {
            if (existing.withdrawn()) {
                throw DomainException.conflict("project", "project " + cmd.projectId() + " was withdrawn");
            }
            if (existing.declared().equals(event)) {
                return applied.since(before);
            }
            throw DomainException.conflict("project", "project " + cmd.projectId()
                    + " is already declared with other content");
        }
        apply(event);
        return applied.since(before);
    }

    @CommandHandler
    public Outcome handle(UpdateProgress cmd, MetaData meta) {
        if (applied.alreadyImported(meta)) {
            return applied.unchanged();
        }
        long before = applied.version();
        checkWritable(meta);
        if (cmd.status() == null) {
            throw DomainException.invalid("status", "is required");
        }
        Project project = liveProject(cmd.projectId(), meta);
        if (project.status() != cmd.status()) {
            apply(new ProgressUpdated(responseId, campaignId, collectiviteId, cmd.projectId(), cmd.status()));
        }
        return applied.since(before);
    }

    @CommandHandler
    public Outcome handle(ScoreGovernance cmd, MetaData meta) {
        if (applied.alreadyImported(meta)) {
            return applied.unchanged();
        }
        long before = applied.version();
        checkWritable(meta);
        Governance governance = cmd.governance() == null ? Governance.NONE : cmd.governance();
        checkGovernance(questionnaire(), governance);
        Project project = liveProject(cmd.projectId(), meta);
        if (!project.governance().equals(governance)) {
            apply(new GovernanceScored(responseId, campaignId, collectiviteId, cmd.projectId(), governance));
        }
        return applied.since(before);
    }

    @CommandHandler
    public Outcome handle(WithdrawProject cmd, MetaData meta) {
        if (applied.alreadyImported(meta)) {
            return applied.unchanged();
        }
        long before = applied.version();
        checkWritable(meta);
        if (cmd.reason() != null && cmd.reason().length() > MAX_TEXT) {
            throw DomainException.invalid("reason", "is longer than " + MAX_TEXT + " characters");
        }
        requireUuid(cmd.projectId());
        Project project = projects.get(cmd.projectId());
        if (project == null) {
            throw DomainException.notFound("project", "no project " + cmd.projectId() + " in this response");
        }
        if (project.withdrawn()) {
            return applied.since(before);
        }
        checkNotBefore(project.declaredAt(), meta, "the project was declared");
        apply(new ProjectWithdrawn(responseId, campaignId, collectiviteId, cmd.projectId(), cmd.reason()));
        return applied.since(before);
    }

    @CommandHandler
    public Outcome handle(RankMotivations cmd, MetaData meta) {
        if (applied.alreadyImported(meta)) {
            return applied.unchanged();
        }
        long before = applied.version();
        checkWritable(meta);
        Questionnaire q = questionnaire();
        List<Motivation> expected = q.motivations().stream().map(Questionnaire.MotivationDefinition::key).toList();
        if (!isPermutation(cmd.ranking(), expected)) {
            throw DomainException.invalid("ranking", "must rank each of " + expected + " exactly once");
        }
        Map<Motivation, List<String>> defs = cmd.definitions() == null ? Map.of() : cmd.definitions();
        for (var entry : defs.entrySet()) {
            if (entry.getKey() == null) {
                throw DomainException.invalid("definitions", "unknown motivation");
            }
            List<String> allowed = q.motivation(entry.getKey()).orElseThrow().definitionKeys();
            List<String> given = entry.getValue() == null ? List.of() : entry.getValue();
            if (!isPermutation(given, allowed)) {
                throw DomainException.invalid("definitions." + entry.getKey(),
                        "must rank each of " + allowed + " exactly once");
            }
        }
        Map<Motivation, List<String>> normalised = new HashMap<>();
        defs.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                normalised.put(k, List.copyOf(v));
            }
        });
        if (!(List.copyOf(cmd.ranking()).equals(ranking) && normalised.equals(definitions))) {
            apply(new MotivationsRanked(responseId, campaignId, collectiviteId, List.copyOf(cmd.ranking()), normalised));
        }
        return applied.since(before);
    }

    @CommandHandler
    public Outcome handle(RateActorStatement cmd, MetaData meta) {
        if (applied.alreadyImported(meta)) {
            return applied.unchanged();
        }
        long before = applied.version();
        checkWritable(meta);
        if (cmd.statement() == null || !questionnaire().hasActorStatement(cmd.statement())) {
            throw DomainException.invalid("statement", "unknown actor statement " + cmd.statement()
                    + " in questionnaire " + questionnaireId);
        }
        if (cmd.level() == null) {
            throw DomainException.invalid("level", "is required");
        }
        if (actors.get(cmd.statement()) != cmd.level()) {
            apply(new ActorStatementRated(responseId, campaignId, collectiviteId, cmd.statement(), cmd.level()));
        }
        return applied.since(before);
    }

    @CommandHandler
    public Outcome handle(SubmitResponse cmd, MetaData meta) {
        if (applied.alreadyImported(meta)) {
            return applied.unchanged();
        }
        long before = applied.version();
        if (submitted) {
            return applied.since(before);
        }
        checkNotBefore(startedAt, meta, "the response started");
        apply(new ResponseSubmitted(responseId, campaignId, collectiviteId));
        return applied.since(before);
    }

    @CommandHandler
    public Outcome handle(ReopenResponse cmd, MetaData meta) {
        if (applied.alreadyImported(meta)) {
            return applied.unchanged();
        }
        long before = applied.version();
        if (!submitted) {
            return applied.since(before);
        }
        checkNotBefore(startedAt, meta, "the response started");
        apply(new ResponseReopened(responseId, campaignId, collectiviteId));
        return applied.since(before);
    }

    private Questionnaire questionnaire() {
        return Questionnaires.get(questionnaireId);
    }

    private void checkWritable(MetaData meta) {
        if (submitted) {
            throw DomainException.conflict("submitted", "the response is submitted; an admin must reopen it first");
        }
        checkNotBefore(startedAt, meta, "the response started");
    }

    private void checkNotBefore(Instant instant, MetaData meta, String what) {
        if (EffectiveClock.of(meta).isBefore(instant)) {
            throw DomainException.invalid(EffectiveClock.field(meta),
                    "cannot take effect before " + what + " (" + instant + ")");
        }
    }

    private Project liveProject(String projectId, MetaData meta) {
        requireUuid(projectId);
        Project project = projects.get(projectId);
        if (project == null) {
            throw DomainException.notFound("project", "no project " + projectId + " in this response");
        }
        if (project.withdrawn()) {
            throw DomainException.conflict("project", "project " + projectId + " was withdrawn");
        }
        checkNotBefore(project.declaredAt(), meta, "the project was declared");
        return project;
    }

    /** Null-safe: immutable lists throw on contains(null), and a client may send null entries. */
    private static <T> boolean isPermutation(List<T> given, List<T> of) {
        return given != null && given.size() == of.size() && given.stream().noneMatch(Objects::isNull)
                && new HashSet<>(given).equals(new HashSet<>(of));
    }

    private static void requireUuid(String projectId) {
        try {
            if (projectId == null || !UUID.fromString(projectId).toString().equals(projectId.toLowerCase())) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("project", "must be a UUID");
        }
    }

    private static void checkGovernance(Questionnaire q, Governance g) {
        checkLevel("governance.measure", g.measure(), q.measureLevelCount());
        checkLevel("governance.means", g.means(), q.meansLevelCount());
    }

    private static void checkLevel(String field, Integer level, int max) {
        if (level != null && (level < 1 || level > max)) {
            throw DomainException.invalid(field, "must be a level from 1 to " + max);
        }
    }

    @EventSourcingHandler
    void on(ResponseStarted e, @SequenceNumber long seq, MetaData meta, @Timestamp Instant timestamp) {
        responseId = e.responseId();
        campaignId = e.campaignId();
        collectiviteId = e.collectiviteId();
        questionnaireId = e.questionnaireId();
        startedAt = EffectiveClock.of(meta, timestamp);
        applied.record(seq, meta);
    }

    @EventSourcingHandler
    void on(RespondentProfileAnswered e, @SequenceNumber long seq, MetaData meta) {
        profile = e;
        applied.record(seq, meta);
    }

    @EventSourcingHandler
    void on(ProjectDeclared e, @SequenceNumber long seq, MetaData meta, @Timestamp Instant timestamp) {
        projects.put(e.projectId(), new Project(e, EffectiveClock.of(meta, timestamp), e.status(), e.governance(),
                false));
        applied.record(seq, meta);
    }

    @EventSourcingHandler
    void on(ProgressUpdated e, @SequenceNumber long seq, MetaData meta) {
        projects.computeIfPresent(e.projectId(), (id, p) ->
                new Project(p.declared(), p.declaredAt(), e.status(), p.governance(), p.withdrawn()));
        applied.record(seq, meta);
    }

    @EventSourcingHandler
    void on(GovernanceScored e, @SequenceNumber long seq, MetaData meta) {
        projects.computeIfPresent(e.projectId(), (id, p) ->
                new Project(p.declared(), p.declaredAt(), p.status(), e.governance(), p.withdrawn()));
        applied.record(seq, meta);
    }

    @EventSourcingHandler
    void on(ProjectWithdrawn e, @SequenceNumber long seq, MetaData meta) {
        projects.computeIfPresent(e.projectId(), (id, p) ->
                new Project(p.declared(), p.declaredAt(), p.status(), p.governance(), true));
        applied.record(seq, meta);
    }

    @EventSourcingHandler
    void on(MotivationsRanked e, @SequenceNumber long seq, MetaData meta) {
        ranking = e.ranking();
        definitions = e.definitions();
        applied.record(seq, meta);
    }

    @EventSourcingHandler
    void on(ActorStatementRated e, @SequenceNumber long seq, MetaData meta) {
        actors.put(e.statement(), e.level());
        applied.record(seq, meta);
    }

    @EventSourcingHandler
    void on(ResponseSubmitted e, @SequenceNumber long seq, MetaData meta) {
        submitted = true;
        applied.record(seq, meta);
    }

    @EventSourcingHandler
    void on(ResponseReopened e, @SequenceNumber long seq, MetaData meta) {
        submitted = false;
        applied.record(seq, meta);
    }
}
