package io.barometer.command.campaign;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which questionnaire a campaign uses, read from its first stored event (which never changes), so that
 * starting a response needs no lock on the campaign.
 */
@Component
public class CampaignDirectory {

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> questionnaires = new ConcurrentHashMap<>();

    public CampaignDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> questionnaireOf(String campaignId) {
        String known = questionnaires.get(campaignId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = jdbc.sql("""
                        SELECT payload FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND sequence_number = 0
                        """)
                .param(Campaign.aggregateId(campaignId))
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .map(this::questionnaireId);
        found.ifPresent(q -> questionnaires.put(campaignId, q));
        return found;
    }

    private String questionnaireId(byte[] payload) {
        try {
            return json.readTree(payload).get("questionnaireId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable CampaignOpened payload", e);
        }
    }
}
