package io.barometer.query.campaign;

import java.sql.Types;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.barometer.events.CampaignDeadlineMoved;
import io.barometer.events.CampaignOpened;
import io.barometer.query.projection.BatchedInserts;
import io.barometer.query.projection.History;
import io.barometer.query.projection.EventFacts;

/** Campaign events into campaign_fact, one row each; a redelivered event hits its primary key and is skipped. */
@Component
@ProcessingGroup(History.GROUP)
public class CampaignProjection {

    static final BatchedInserts.Insert FACT = BatchedInserts.Insert.of("campaign_fact",
            "global_index, campaign_id, sequence_number, change, effective_at, recorded_at, year, title,"
            + " opens_at, closes_at, questionnaire_id, user_id, user_role, source, imported_by, reason",
            Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR);

    private final BatchedInserts inserts;
    private final JdbcTemplate jdbc;

    public CampaignProjection(BatchedInserts inserts, JdbcTemplate jdbc) {
        this.inserts = inserts;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CampaignOpened e, DomainEventMessage<?> message, TrackingToken token) {
        EventFacts f = EventFacts.of(message, token);
        inserts.add(FACT, f.globalIndex(), e.campaignId(), f.sequenceNumber(), "CampaignOpened", f.effective(),
                f.recorded(), e.year(), e.title(), EventFacts.utc(e.opensAt()), EventFacts.utc(e.closesAt()),
                e.questionnaireId(), f.userId(), f.userRole(), f.source(), f.importedBy(), f.reason());
    }

    @EventHandler
    void on(CampaignDeadlineMoved e, DomainEventMessage<?> message, TrackingToken token) {
        EventFacts f = EventFacts.of(message, token);
        inserts.add(FACT, f.globalIndex(), e.campaignId(), f.sequenceNumber(), "CampaignDeadlineMoved", f.effective(),
                f.recorded(), null, null, null, EventFacts.utc(e.closesAt()), null, f.userId(), f.userRole(),
                f.source(), f.importedBy(), f.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE campaign_fact");
    }
}
