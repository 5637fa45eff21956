package io.barometer.query.asof;

import java.time.Instant;

/**
 * What a read as of an instant needs of its campaign: its id, its current closing and the position of its
 * last event. The campaign package's Campaign is one; this package knows no more of it.
 */
public interface AsOfCampaign {

    String id();

    Instant closesAt();

    long lastGlobalIndex();
}
