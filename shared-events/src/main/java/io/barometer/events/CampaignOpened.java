package io.barometer.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A survey edition was opened with its questionnaire definition. */
@Revision("1")
public record CampaignOpened(String campaignId, int year, String title, Instant opensAt, Instant closesAt, String questionnaireId) {
}
