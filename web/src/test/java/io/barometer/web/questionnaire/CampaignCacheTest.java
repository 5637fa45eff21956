package io.barometer.web.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.web.api.Caller;
import io.barometer.web.api.Campaign;
import io.barometer.web.api.Services;

class CampaignCacheTest {

    /** Counts the campaign reads and answers a campaign whose deadline is the number of reads so far. */
    static final class CountingServices extends Services {
        final List<String> reads = new ArrayList<>();

        CountingServices() {
            super("http://command.invalid", "http://query.invalid", new ObjectMapper());
        }

        @Override
        public Campaign campaign(Caller caller, String campaign) {
            reads.add(campaign);
            return new Campaign(campaign, 2014, "T", Instant.EPOCH, Instant.ofEpochSecond(reads.size()), "bvn-2014", null);
        }
    }

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2014-03-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void savesInABurstReadTheCampaignOnceThenAgainAfterThirtySeconds() {
        CountingServices services = new CountingServices();
        Hand clock = new Hand();
        CampaignCache cache = new CampaignCache(services, clock);
        Caller caller = Caller.of("token");

        assertThat(cache.get(caller, "bvn-2014").closesAt()).isEqualTo(Instant.ofEpochSecond(1));
        clock.now = clock.now.plus(Duration.ofSeconds(29));
        assertThat(cache.get(caller, "bvn-2014").closesAt()).isEqualTo(Instant.ofEpochSecond(1));
        assertThat(services.reads).containsExactly("bvn-2014");

        // Another campaign is its own entry; past thirty seconds a moved deadline is read afresh.
        cache.get(caller, "bvn-2013");
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertThat(cache.get(caller, "bvn-2014").closesAt()).isEqualTo(Instant.ofEpochSecond(3));
        assertThat(services.reads).containsExactly("bvn-2014", "bvn-2013", "bvn-2014");
    }
}
