package io.barometer.query.asof;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Which facts a read counts: a campaign's, as of {@code asOf} on one clock, against its current closing. */
record CutOff(String campaignId, Instant closesAt, Instant asOf, Basis basis) {

    static CutOff of(AsOfCampaign campaign, Instant asOf, Basis basis) {
        return new CutOff(campaign.id(), campaign.closesAt(), asOf, basis);
    }

    /** The answer_fact column of the clock; a constant, safe to put in SQL text. */
    String column() {
        return basis.column();
    }

    /** The campaign ({@code :c}), the cut-off ({@code :t}) and the closing ({@code :closes}) as SQL parameters. */
    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource("c", campaignId)
                .addValue("t", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC))
                .addValue("closes", OffsetDateTime.ofInstant(closesAt, ZoneOffset.UTC));
    }
}
