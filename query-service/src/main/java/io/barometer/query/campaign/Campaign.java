package io.barometer.query.campaign;

import java.time.Instant;

import io.barometer.query.asof.AsOfCampaign;

/**
 * A campaign as the read side knows it: its fields and its current deadline (the last one moved to),
 * with the highest event position among its events.
 */
public record Campaign(String id, int year, String title, Instant opensAt, Instant closesAt, String questionnaireId,
                       long lastGlobalIndex) implements AsOfCampaign {
}
