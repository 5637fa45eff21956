package io.barometer.command.importing;

import java.time.OffsetDateTime;
import java.util.Set;

import io.barometer.command.campaign.OpenCampaign;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code openCampaign}: a new edition of the barometer, with its questionnaire and its dates. */
public record OpenCampaignLine(@Required String campaign,
                               @Required @Schema(minimum = "2000", maximum = "2100") Integer year,
                               @Required String title, @Required OffsetDateTime opensAt,
                               @Required OffsetDateTime closesAt, @Required String questionnaire)
        implements ImportOp, AdminOp {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new OpenCampaign(campaign, year, title, opensAt.toInstant(), closesAt.toInstant(), questionnaire);
    }
}
