package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.barometer.query.asof.AsOfRepository;
import io.barometer.query.asof.AsOfState;
import io.barometer.query.asof.Basis;
import io.barometer.query.campaign.Campaign;
import io.barometer.query.campaign.CampaignRepository;
import io.barometer.query.oracle.Oracle;
import io.barometer.query.oracle.RandomLog;
import io.barometer.query.testing.ServicesTest;

/**
 * A synthesis keeps each respondent's projects folded in memory while its response's version holds: a log is
 * projected half at first, its states read twice at many cut-offs (the second time from what the first folded),
 * then the rest of the log (new facts for the same responses, moved deadlines) must be seen by the next reads,
 * each equal to what the oracle folds from the raw events, as is the respondents export's state (the same
 * folded values, no projects). Replay one case with -Dfolded.seed=N.
 */
@Execution(ExecutionMode.SAME_THREAD)
class FoldedProjectsTest extends ServicesTest {

    @Test
    void entriesFoldedBeforeNewFactsAreFoldedAgain() {
        long first = Long.getLong("folded.seed", 1_000_003L);
        int seeds = System.getProperty("folded.seed") != null ? 1 : 6;
        for (long seed = first; seed < first + seeds; seed++) {
            RandomLog log = new RandomLog(seed, unique("folded-" + seed));
            int half = log.events.size() / 2;
            SERVICES.appendToStore(log.events.subList(0, half));
            awaitProjections();
            check(log, seed, "half the log");
            check(log, seed, "half the log, read again");
            SERVICES.appendToStore(log.events.subList(half, log.events.size()));
            awaitProjections();
            check(log, seed, "the whole log");
        }
    }

    private static AsOfState.Respondent withoutProjects(AsOfState.Respondent r) {
        return new AsOfState.Respondent(r.collectiviteId(), r.startedAt(), r.late(), r.place(), r.profile(), List.of(),
                r.motivations(), r.actors(), r.submitted(), r.submittedAt(), r.changes(), r.changesAfterClosing(),
                r.version(), r.through());
    }

    private static void check(RandomLog log, long seed, String stage) {
        DataSource dataSource = SERVICES.command.getBean(DataSource.class);
        AsOfRepository views = SERVICES.query.getBean(AsOfRepository.class);
        Optional<Campaign> found = SERVICES.query.getBean(CampaignRepository.class).find(log.campaign);
        if (found.isEmpty()) {
            // The first half may not hold the campaign's opening; the whole log does.
            assertThat(stage).as("seed %d: the campaign is projected", seed).isNotEqualTo("the whole log");
            return;
        }
        Campaign campaign = found.get();
        Oracle oracle = new Oracle(dataSource, log.campaign);
        Random random = new Random(seed);
        List<Instant> cutoffs = new ArrayList<>(List.of(campaign.closesAt(), Instant.parse("2100-01-01T00:00:00Z")));
        for (int i = 0; i < 6; i++) {
            cutoffs.add(log.instants.get(random.nextInt(log.instants.size())));
        }
        for (Instant t : cutoffs) {
            for (Basis basis : Basis.values()) {
                String where = "seed " + seed + ", " + stage + ", asOf " + t + ", basis " + basis.key();
                AsOfState expected = oracle.state(t, basis);
                AsOfOracleTest.compare(where, Oracle.forStatistics(expected), views.campaign(campaign, t, basis));
                // The respondents export reads the same folded values, without the projects.
                assertThat(views.respondents(campaign, t, basis).respondents()).as(where + ": respondents without projects")
                        .isEqualTo(expected.respondents().stream().map(FoldedProjectsTest::withoutProjects).toList());
            }
        }
    }
}
