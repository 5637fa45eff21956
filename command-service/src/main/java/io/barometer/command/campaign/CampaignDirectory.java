package io.barometer.command.campaign;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import io.barometer.events.CampaignOpened;

/**
 * Which questionnaire a campaign uses, read from its first event (which never changes) through Axon's
 * event store API — so that starting a response takes no lock on the campaign, and this works on the
 * PostgreSQL store and on Axon Server alike.
 */
@Component
public class CampaignDirectory {

    private final EventStore events;
    private final Map<String, String> questionnaires = new ConcurrentHashMap<>();

    public CampaignDirectory(EventStore events) {
        this.events = events;
    }

    public Optional<String> questionnaireOf(String campaignId) {
        String known = questionnaires.get(campaignId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = events.readEvents(Campaign.aggregateId(campaignId)).asStream()
                .findFirst()
                .map(event -> ((CampaignOpened) event.getPayload()).questionnaireId());
        found.ifPresent(q -> questionnaires.put(campaignId, q));
        return found;
    }
}
