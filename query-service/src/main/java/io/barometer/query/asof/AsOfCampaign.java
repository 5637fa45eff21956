package io.barometer.query.asof;

import java.time.Instant;

/** What a read as of a cut-off needs of its campaign; the campaign package's Campaign is one. */
public interface AsOfCampaign {

    String id();

    Instant closesAt();

    long lastGlobalIndex();
}
