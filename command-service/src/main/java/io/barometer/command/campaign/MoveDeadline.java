package io.barometer.command.campaign;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move the official cut-off; lateness is always judged against the current one. */
public record MoveDeadline(String campaignId, Instant closesAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Campaign.aggregateId(campaignId);
    }
}
