package io.barometer.query.asof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.barometer.query.campaign.Campaign;
import io.barometer.support.web.ApiException;

class ViewParametersTest {

    static final Campaign CAMPAIGN = new Campaign("c", 2014, "t", Instant.parse("2013-11-30T23:00:00Z"),
            Instant.parse("2014-03-15T22:59:59Z"), "bvn-2014", 1);

    @Test
    void asOfIsAnInstantWithAnOffsetOrTheCampaignsCurrentClosing() {
        assertThat(ViewParameters.asOf("2014-05-07T23:59:59+02:00").resolve(CAMPAIGN))
                .isEqualTo(Instant.parse("2014-05-07T21:59:59Z"));
        assertThat(ViewParameters.asOf("2014-05-07T21:59:59Z").resolve(CAMPAIGN))
                .isEqualTo(Instant.parse("2014-05-07T21:59:59Z"));
        assertThat(ViewParameters.asOf("closing").resolve(CAMPAIGN)).isEqualTo(CAMPAIGN.closesAt());
        assertThat(ViewParameters.asOf(null).resolve(CAMPAIGN)).isCloseTo(Instant.now(),
                org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
        assertThatThrownBy(() -> ViewParameters.asOf("2014-05-07")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).field()).isEqualTo("asOf");
        assertThatThrownBy(() -> ViewParameters.asOf("yesterday")).isInstanceOf(ApiException.class);
    }

    @Test
    void badBasisExcludeOrLateRespondentsAreRefusedNamingTheParameter() {
        assertThat(ViewParameters.basis(null)).isEqualTo(Basis.EFFECTIVE);
        assertThat(ViewParameters.basis("recorded")).isEqualTo(Basis.RECORDED);
        assertThat(field(() -> ViewParameters.basis("RECORDED "))).isEqualTo("basis");
        assertThat(ViewParameters.exclude(" nice-metropole,chambery,,nice-metropole"))
                .containsExactly("chambery", "nice-metropole");
        assertThat(field(() -> ViewParameters.exclude("nice;drop"))).isEqualTo("exclude");
        assertThat(ViewParameters.excludeLate("exclude")).isTrue();
        assertThat(ViewParameters.excludeLate(null)).isFalse();
        assertThat(field(() -> ViewParameters.excludeLate("yes"))).isEqualTo("lateRespondents");
    }

    @Test
    void aChangeAtTheClosingInstantIsOnTime() {
        Instant closes = CAMPAIGN.closesAt();
        assertThat(Timeliness.of(closes, closes, closes)).isEqualTo(Timeliness.ON_TIME);
        assertThat(Timeliness.of(closes.minusSeconds(1), closes.plusSeconds(1), closes))
                .isEqualTo(Timeliness.POST_DEADLINE_EDIT);
        assertThat(Timeliness.of(closes.plusSeconds(1), closes.plusSeconds(1), closes))
                .isEqualTo(Timeliness.LATE_SUBMISSION);
    }

    private static String field(Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            return e.field();
        }
        throw new AssertionError("not refused");
    }
}
