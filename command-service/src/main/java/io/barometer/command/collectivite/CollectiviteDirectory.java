package io.barometer.command.collectivite;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Whether a collectivité is registered, asked of the event store (PostgreSQL or Axon Server). */
@Component
public class CollectiviteDirectory {

    private final EventStore events;

    public CollectiviteDirectory(EventStore events) {
        this.events = events;
    }

    public boolean exists(String collectiviteId) {
        return events.lastSequenceNumberFor(Collectivite.aggregateId(collectiviteId)).isPresent();
    }
}
