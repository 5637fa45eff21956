package io.barometer.command.importing;

import java.time.OffsetDateTime;
import java.util.Set;

import io.barometer.command.campaign.MoveDeadline;

/** {@code moveDeadline}: a campaign closes at another instant. */
public record MoveDeadlineLine(@Required String campaign, @Required OffsetDateTime closesAt)
        implements ImportOp, AdminOp {

    @Override
    public Object command(LineHeader header, Set<String> given) {
        return new MoveDeadline(campaign, closesAt.toInstant());
    }
}
