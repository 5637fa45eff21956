package io.barometer.web.questionnaire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.barometer.web.api.Caller;
import io.barometer.web.api.Campaign;
import io.barometer.web.api.Services;

/**
 * The campaigns an answer is saved into, kept a little while: a person answering sends a save a field, and each
 * used to fetch the campaign with its whole questionnaire definition again. The definition never changes; the
 * deadline may be moved, so an entry lives {@link #KEPT} at most: a moved deadline shows in a saved section's
 * banner within that time, and on any full page at once (pages read the campaign afresh).
 */
@Component
public class CampaignCache {

    static final Duration KEPT = Duration.ofSeconds(30);

    private record Entry(Campaign campaign, Instant fetchedAt) {
    }

    private final Services services;
    private final Clock clock;
    private final Map<String, Entry> campaigns = new ConcurrentHashMap<>();

    @Autowired
    public CampaignCache(Services services) {
        this(services, Clock.systemUTC());
    }

    CampaignCache(Services services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** The campaign, fetched with this caller's token when not kept or kept too long. */
    public Campaign get(Caller caller, String campaign) {
        Instant now = clock.instant();
        Entry kept = campaigns.get(campaign);
        if (kept != null && kept.fetchedAt().plus(KEPT).isAfter(now)) {
            return kept.campaign();
        }
        Campaign fresh = services.campaign(caller, campaign);
        campaigns.put(campaign, new Entry(fresh, now));
        return fresh;
    }
}
