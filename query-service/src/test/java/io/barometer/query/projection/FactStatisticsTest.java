package io.barometer.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When the projection asks PostgreSQL to analyse its tables: once they grew by half since the last analysis
 * (and by at least 50 000 rows), the size after a restart taken from PostgreSQL's own estimate; and when to
 * vacuum them: once it paused after writing at least a thousand rows. The maintenance runs on the calling
 * thread here and the clock is the test's, so each decision is seen as it is made.
 */
class FactStatisticsTest {

    private static final String ANALYZE = "ANALYZE answer_fact, answer_attribution, collectivite_fact, campaign_fact";
    private static final String VACUUM = "VACUUM (ANALYZE) answer_fact, answer_attribution, collectivite_fact, campaign_fact";

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private long now = 1_000_000_000L;
    private final FactStatistics statistics = new FactStatistics(jdbc, Runnable::run, () -> now, false);

    private void estimate(long rows) {
        when(jdbc.queryForObject(anyString(), eq(Long.class))).thenReturn(rows);
    }

    @Test
    void fromAnEmptyStoreTheFirstAnalysisComesAfterFiftyThousandRowsThenAtHalfAgain() {
        estimate(0);
        statistics.written(49_999);
        verify(jdbc, never()).execute(ANALYZE);
        statistics.written(1);
        verify(jdbc, times(1)).execute(ANALYZE);
        statistics.written(74_999); // the bar is now 50 000 + 50 000 / 2
        verify(jdbc, times(1)).execute(ANALYZE);
        statistics.written(1);
        verify(jdbc, times(2)).execute(ANALYZE);
    }

    @Test
    void afterARestartTheBarStartsFromWhatTheTablesAlreadyHold() {
        estimate(1_000_000);
        statistics.written(60_000);
        verify(jdbc, never()).execute(ANALYZE);
        statistics.written(489_999); // 549 999 rows of the 550 000 the bar asks for
        verify(jdbc, never()).execute(ANALYZE);
        statistics.written(1);
        verify(jdbc, times(1)).execute(ANALYZE);
    }

    @Test
    void aReplaysResetStartsTheBarFromNothing() {
        estimate(1_000_000);
        statistics.reset();
        statistics.written(50_000);
        verify(jdbc, times(1)).execute(ANALYZE);
    }

    /** Lets {@code nanos} pass, runs the once-a-second check, and checks how many vacuums ran in all. */
    private void settleAfter(FactStatistics subject, long nanos, int vacuums) {
        now += nanos;
        subject.settle();
        verify(jdbc, times(vacuums)).execute(VACUUM);
    }

    @Test
    void theTablesAreVacuumedOnceTheProjectionPausedAfterWritingAThousandRows() {
        estimate(0);
        statistics.written(600);
        settleAfter(statistics, FactStatistics.QUIET_NANOS, 0); // too few rows to be worth it

        assertThat(statistics.vacuumPending()).isFalse();
        statistics.written(400);
        assertThat(statistics.vacuumPending()).isTrue();
        settleAfter(statistics, FactStatistics.QUIET_NANOS - 1, 0); // still writing
        settleAfter(statistics, 1, 1);
        assertThat(statistics.vacuumPending()).isFalse();
        settleAfter(statistics, FactStatistics.QUIET_NANOS, 1); // nothing new since
    }

    @Test
    void aVacuumIsPendingWhileItRunsAndAfterItFailed() {
        estimate(0);
        boolean[] pendingDuringVacuum = new boolean[1];
        doAnswer(call -> {
            pendingDuringVacuum[0] = statistics.vacuumPending();
            throw new DataAccessResourceFailureException("connection refused");
        }).doNothing().when(jdbc).execute(VACUUM);
        statistics.written(5_000);
        settleAfter(statistics, FactStatistics.QUIET_NANOS, 1);
        assertThat(pendingDuringVacuum[0]).isTrue();
        assertThat(statistics.vacuumPending()).as("its rows still wait for the next attempt").isTrue();
        settleAfter(statistics, FactStatistics.RETRY_NANOS, 2);
        assertThat(statistics.vacuumPending()).isFalse();
    }

    @Test
    void aFailedVacuumIsTriedAgainAMinuteLaterNotEverySecond() {
        estimate(0);
        doThrow(new DataAccessResourceFailureException("connection refused")).doNothing().when(jdbc).execute(VACUUM);
        statistics.written(5_000);
        settleAfter(statistics, FactStatistics.QUIET_NANOS, 1);
        settleAfter(statistics, FactStatistics.RETRY_NANOS - 1, 1);
        settleAfter(statistics, 1, 2); // the rows of the failed attempt were kept for this one
        settleAfter(statistics, FactStatistics.QUIET_NANOS, 2);
    }

    @Test
    void aVacuumAlsoCountsAsTheAnalysisOfWhatItSaw() {
        estimate(0);
        statistics.written(40_000);
        settleAfter(statistics, FactStatistics.QUIET_NANOS, 1);
        statistics.written(10_000); // 50 000 since the start, but only 10 000 since the vacuum analysed
        verify(jdbc, never()).execute(ANALYZE);
    }

    @Test
    void aStartVacuumsOnceTheProjectionIsFirstQuietWhateverItWrote() {
        estimate(0);
        FactStatistics started = new FactStatistics(jdbc, Runnable::run, () -> now, true);
        settleAfter(started, FactStatistics.QUIET_NANOS, 1);
        settleAfter(started, FactStatistics.QUIET_NANOS, 1);
    }
}
