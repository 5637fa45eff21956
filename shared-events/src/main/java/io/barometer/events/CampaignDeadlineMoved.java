package io.barometer.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The official cut-off of a campaign was moved; it applies retroactively to lateness. */
@Revision("1")
public record CampaignDeadlineMoved(String campaignId, Instant closesAt) {
}
