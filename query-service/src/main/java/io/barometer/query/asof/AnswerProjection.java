package io.barometer.query.asof;

import java.sql.Types;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.events.ActorStatementRated;
import io.barometer.events.Governance;
import io.barometer.events.GovernanceScored;
import io.barometer.events.Motivation;
import io.barometer.events.MotivationsRanked;
import io.barometer.events.ProgressUpdated;
import io.barometer.events.ProjectDeclared;
import io.barometer.events.ProjectWithdrawn;
import io.barometer.events.RespondentProfileAnswered;
import io.barometer.events.ResponseReopened;
import io.barometer.events.ResponseStarted;
import io.barometer.events.ResponseSubmitted;
import io.barometer.query.projection.BatchedInserts;
import io.barometer.query.projection.History;
import io.barometer.query.projection.EventFacts;
import io.barometer.query.projection.FactStatistics;

/**
 * The answer history: every response event becomes one append-only row of answer_fact (keyed by its
 * global_index, so a replayed or redelivered event is skipped) and one row of answer_attribution.
 * Nothing is updated in place: the state as of any instant is read from these rows (see AsOfRepository).
 */
@Component
@ProcessingGroup(History.GROUP)
public class AnswerProjection {

    static final BatchedInserts.Insert FACT = BatchedInserts.Insert.of("answer_fact", AnswerColumn.names(),
            AnswerColumn.types());
    static final BatchedInserts.Insert ATTRIBUTION = BatchedInserts.Insert.of("answer_attribution",
            "global_index, user_id, user_role, on_behalf_of, source, imported_by, request_id, reason",
            Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR);

    /** Each response's highest sequence number projected (see FoldedResponses). */
    static final BatchedInserts.Highest VERSION = BatchedInserts.Highest.of("response_version", "campaign_id",
            "collectivite_id", "version");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BatchedInserts inserts;
    private final JdbcTemplate jdbc;
    private final FactStatistics statistics;

    public AnswerProjection(BatchedInserts inserts, JdbcTemplate jdbc, FactStatistics statistics) {
        this.inserts = inserts;
        this.jdbc = jdbc;
        this.statistics = statistics;
    }

    @EventHandler
    void on(ResponseStarted e, DomainEventMessage<?> message, TrackingToken token) {
        write(row(message, token, e.campaignId(), e.collectiviteId(), "ResponseStarted", Attribute.STARTED));
    }

    @EventHandler
    void on(RespondentProfileAnswered e, DomainEventMessage<?> message, TrackingToken token) {
        Object[] r = row(message, token, e.campaignId(), e.collectiviteId(), "RespondentProfileAnswered",
                Attribute.PROFILE);
        set(r, AnswerColumn.ROLE, e.role() == null ? null : e.role().name());
        set(r, AnswerColumn.WORKS_IN_DIGITAL, e.worksInDigital());
        set(r, AnswerColumn.ORGANISATION, e.organisation());
        write(r);
    }

    @EventHandler
    void on(ProjectDeclared e, DomainEventMessage<?> message, TrackingToken token) {
        Object[] r = project(message, token, e.campaignId(), e.collectiviteId(), "ProjectDeclared", e.projectId());
        set(r, AnswerColumn.DOMAIN, e.domain());
        set(r, AnswerColumn.CATALOGUE_ITEM, e.catalogueItem());
        set(r, AnswerColumn.LABEL, e.label());
        set(r, AnswerColumn.STATUS, e.status() == null ? null : e.status().name());
        governance(r, e.governance());
        write(r);
    }

    @EventHandler
    void on(ProgressUpdated e, DomainEventMessage<?> message, TrackingToken token) {
        Object[] r = project(message, token, e.campaignId(), e.collectiviteId(), "ProgressUpdated", e.projectId());
        set(r, AnswerColumn.STATUS, e.status() == null ? null : e.status().name());
        write(r);
    }

    @EventHandler
    void on(GovernanceScored e, DomainEventMessage<?> message, TrackingToken token) {
        Object[] r = project(message, token, e.campaignId(), e.collectiviteId(), "GovernanceScored", e.projectId());
        governance(r, e.governance());
        write(r);
    }

    @EventHandler
    void on(ProjectWithdrawn e, DomainEventMessage<?> message, TrackingToken token) {
        write(project(message, token, e.campaignId(), e.collectiviteId(), "ProjectWithdrawn", e.projectId()));
    }

    @EventHandler
    void on(MotivationsRanked e, DomainEventMessage<?> message, TrackingToken token) {
        Object[] r = row(message, token, e.campaignId(), e.collectiviteId(), "MotivationsRanked", Attribute.MOTIVATIONS);
        set(r, AnswerColumn.RANKING, e.ranking().stream().map(Motivation::name).collect(Collectors.joining(",")));
        set(r, AnswerColumn.DEFINITIONS, definitions(e.definitions()));
        write(r);
    }

    @EventHandler
    void on(ActorStatementRated e, DomainEventMessage<?> message, TrackingToken token) {
        Object[] r = row(message, token, e.campaignId(), e.collectiviteId(), "ActorStatementRated", Attribute.ACTOR);
        set(r, AnswerColumn.STATEMENT, e.statement());
        set(r, AnswerColumn.LEVEL, e.level() == null ? null : e.level().name());
        write(r);
    }

    @EventHandler
    void on(ResponseSubmitted e, DomainEventMessage<?> message, TrackingToken token) {
        Object[] r = row(message, token, e.campaignId(), e.collectiviteId(), "ResponseSubmitted", Attribute.SUBMISSION);
        set(r, AnswerColumn.SUBMITTED, true);
        write(r);
    }

    @EventHandler
    void on(ResponseReopened e, DomainEventMessage<?> message, TrackingToken token) {
        Object[] r = row(message, token, e.campaignId(), e.collectiviteId(), "ResponseReopened", Attribute.SUBMISSION);
        set(r, AnswerColumn.SUBMITTED, false);
        write(r);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE answer_fact, answer_attribution, response_version");
        statistics.reset();
    }

    private Object[] row(DomainEventMessage<?> message, TrackingToken token, String campaign, String collectivite,
                         String change, String attribute) {
        EventFacts f = EventFacts.of(message, token);
        Object[] r = new Object[AnswerColumn.values().length];
        set(r, AnswerColumn.GLOBAL_INDEX, f.globalIndex());
        set(r, AnswerColumn.CAMPAIGN_ID, campaign);
        set(r, AnswerColumn.COLLECTIVITE_ID, collectivite);
        set(r, AnswerColumn.SEQUENCE_NUMBER, f.sequenceNumber());
        set(r, AnswerColumn.CHANGE, change);
        set(r, AnswerColumn.ATTRIBUTE, attribute);
        set(r, AnswerColumn.STATEMENT, "");
        set(r, AnswerColumn.EFFECTIVE_AT, f.effective());
        set(r, AnswerColumn.RECORDED_AT, f.recorded());
        inserts.add(ATTRIBUTION, f.globalIndex(), f.userId(), f.userRole(), f.onBehalfOf(), f.source(),
                f.importedBy(), f.requestId(), f.reason());
        return r;
    }

    private Object[] project(DomainEventMessage<?> message, TrackingToken token, String campaign,
                             String collectivite, String change, String projectId) {
        Object[] r = row(message, token, campaign, collectivite, change, Attribute.PROJECT);
        set(r, AnswerColumn.PROJECT_ID, UUID.fromString(projectId));
        return r;
    }

    private static void governance(Object[] r, Governance g) {
        if (g == null) {
            return;
        }
        set(r, AnswerColumn.MEASURE, g.measure() == null ? null : g.measure().shortValue());
        set(r, AnswerColumn.MEANS, g.means() == null ? null : g.means().shortValue());
        set(r, AnswerColumn.MANAGEMENT_MODE, g.managementMode() == null ? null : g.managementMode().name());
        set(r, AnswerColumn.DECISION_MODE, g.decisionMode() == null ? null : g.decisionMode().name());
        set(r, AnswerColumn.COORDINATION, g.coordination() == null ? null : g.coordination().name());
    }

    private static String definitions(Map<Motivation, List<String>> definitions) {
        if (definitions == null || definitions.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(new EnumMap<>(definitions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Object[] row, AnswerColumn column, Object value) {
        row[column.ordinal()] = value;
    }

    private void write(Object[] row) {
        inserts.add(FACT, row);
        inserts.highest(VERSION, (String) row[AnswerColumn.CAMPAIGN_ID.ordinal()],
                (String) row[AnswerColumn.COLLECTIVITE_ID.ordinal()], (Long) row[AnswerColumn.SEQUENCE_NUMBER.ordinal()]);
    }
}
