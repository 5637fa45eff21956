package io.barometer.command.campaign;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open an edition of the survey with one of the bundled questionnaire definitions. */
public record OpenCampaign(String campaignId, Integer year, String title, Instant opensAt, Instant closesAt,
                           String questionnaireId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Campaign.aggregateId(campaignId);
    }
}
