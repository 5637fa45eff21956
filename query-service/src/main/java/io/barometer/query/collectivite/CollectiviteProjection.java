package io.barometer.query.collectivite;

import java.sql.Types;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.barometer.events.CollectiviteKind;
import io.barometer.events.CollectiviteProfileCorrected;
import io.barometer.events.CollectiviteRegistered;
import io.barometer.query.projection.BatchedInserts;
import io.barometer.query.projection.History;
import io.barometer.query.projection.EventFacts;

/** Collectivité events into collectivite_fact: each row holds the whole profile after its event. */
@Component
@ProcessingGroup(History.GROUP)
public class CollectiviteProjection {

    static final BatchedInserts.Insert FACT = BatchedInserts.Insert.of("collectivite_fact",
            "global_index, collectivite_id, sequence_number, change, effective_at, recorded_at, name,"
            + " kind, region, population, parent_id, user_id, user_role, source, imported_by, reason",
            Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR);

    private final BatchedInserts inserts;
    private final JdbcTemplate jdbc;

    public CollectiviteProjection(BatchedInserts inserts, JdbcTemplate jdbc) {
        this.inserts = inserts;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CollectiviteRegistered e, DomainEventMessage<?> message, TrackingToken token) {
        write("CollectiviteRegistered", EventFacts.of(message, token), e.collectiviteId(), e.name(), e.kind(),
                e.region(), e.population(), e.parentId());
    }

    @EventHandler
    void on(CollectiviteProfileCorrected e, DomainEventMessage<?> message, TrackingToken token) {
        write("CollectiviteProfileCorrected", EventFacts.of(message, token), e.collectiviteId(), e.name(), e.kind(),
                e.region(), e.population(), e.parentId());
    }

    private void write(String change, EventFacts f, String id, String name, CollectiviteKind kind, String region,
                       Integer population, String parentId) {
        inserts.add(FACT, f.globalIndex(), id, f.sequenceNumber(), change, f.effective(), f.recorded(), name,
                kind == null ? null : kind.name(), region, population, parentId, f.userId(), f.userRole(),
                f.source(), f.importedBy(), f.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE collectivite_fact");
    }
}
