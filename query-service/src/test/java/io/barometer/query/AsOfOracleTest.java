package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.command.testing.Http;
import io.barometer.events.questionnaire.Questionnaires;
import io.barometer.query.asof.AsOfRepository;
import io.barometer.query.asof.AsOfState;
import io.barometer.query.asof.Basis;
import io.barometer.query.campaign.Campaign;
import io.barometer.query.campaign.CampaignRepository;
import io.barometer.query.oracle.Oracle;
import io.barometer.query.oracle.RandomLog;
import io.barometer.query.synthesis.Fingerprint;
import io.barometer.query.synthesis.Synthesis;
import io.barometer.query.testing.ServicesTest;

/**
 * The projections against the oracle: for many seeds, a random answer log is appended straight to the
 * event store (explicit timestamps and metadata, interleaved aggregates), and at random cut-offs on both
 * bases the state read from the projection tables, the synthesis served over HTTP and single response
 * views must equal what the oracle folds from the raw events. Replay one case with -Doracle.seed=N.
 */
@Execution(ExecutionMode.SAME_THREAD)
class AsOfOracleTest extends ServicesTest {

    static final int SEEDS = Integer.getInteger("oracle.seeds", 40);
    static final long FIRST_SEED = Long.getLong("oracle.seed", 20140315L);

    static Stream<Long> seeds() {
        if (System.getProperty("oracle.seed") != null) {
            return Stream.of(FIRST_SEED);
        }
        return LongStream.range(0, SEEDS).mapToObj(i -> FIRST_SEED + i * 7919);
    }

    private static final Map<Long, RandomLog> LOGS = new HashMap<>();

    /** Every seed's log goes in first, so the projections catch up once for all of them. */
    @BeforeAll
    static void appendEveryLog() {
        seeds().forEach(seed -> {
            RandomLog log = new RandomLog(seed, unique("oracle-" + seed));
            SERVICES.appendToStore(log.events);
            LOGS.put(seed, log);
        });
        awaitProjections();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theProjectionsAgreeWithTheOracle(long seed) {
        RandomLog log = LOGS.get(seed);

        DataSource dataSource = SERVICES.command.getBean(DataSource.class);
        Oracle oracle = new Oracle(dataSource, log.campaign);
        AsOfRepository views = SERVICES.query.getBean(AsOfRepository.class);
        Campaign campaign = SERVICES.query.getBean(CampaignRepository.class).find(log.campaign).orElseThrow();
        assertThat(campaign).as("seed %d: campaign", seed).isEqualTo(oracle.campaign());

        Random random = new Random(seed);
        List<Instant> cutoffs = new ArrayList<>();
        cutoffs.add(campaign.closesAt());
        for (int i = 0; i < 7; i++) {
            Instant at = log.instants.get(random.nextInt(log.instants.size()));
            // On the hour grid (equal to some event's clock), or just before or after it.
            cutoffs.add(switch (random.nextInt(3)) {
                case 0 -> at;
                case 1 -> at.minusSeconds(1);
                default -> at.plusSeconds(1800);
            });
        }
        for (Instant t : cutoffs) {
            for (Basis basis : Basis.values()) {
                String where = "seed " + seed + ", asOf " + t + ", basis " + basis.key();
                AsOfState expected = oracle.state(t, basis);
                AsOfState actual = views.campaign(campaign, t, basis);
                compare(where, Oracle.forStatistics(expected), actual);

                // One response's view, with labels and last changes.
                for (AsOfState.Respondent r : expected.respondents()) {
                    if (random.nextInt(3) == 0) {
                        Optional<AsOfState.Respondent> view = views.response(campaign, r.collectiviteId(), t, basis);
                        assertThat(view).as(where + ", response " + r.collectiviteId()).contains(r);
                    }
                }
                for (String c : log.collectivites) {
                    if (expected.respondents().stream().noneMatch(r -> r.collectiviteId().equals(c))) {
                        assertThat(views.response(campaign, c, t, basis)).as(where + ", absent " + c).isEmpty();
                    }
                }

                // The synthesis over HTTP, with a random selection, against the oracle's figures.
                Set<String> excluded = new HashSet<>();
                if (!log.collectivites.isEmpty() && random.nextBoolean()) {
                    excluded.add(log.collectivites.get(random.nextInt(log.collectivites.size())));
                }
                boolean excludeLate = random.nextBoolean();
                AsOfState selected = expected.select(new AsOfState.Selection(excluded, excludeLate));
                Http.Reply reply = query.get("/api/campaigns/" + log.campaign + "/synthesis?asOf=" + t + "&basis="
                        + basis.key() + "&exclude=" + String.join(",", excluded)
                        + "&lateRespondents=" + (excludeLate ? "exclude" : "include"), admin);
                assertThat(reply.status()).as(where + ": " + reply.body()).isEqualTo(200);
                JsonNode served = reply.json();
                var figures = Synthesis.compute(Oracle.forStatistics(selected), Questionnaires.get("bvn-2014"));
                assertThat(served.get("eventsThrough").asLong()).as(where + ": eventsThrough")
                        .isEqualTo(selected.eventsThrough());
                assertThat(served.at("/respondents/count").asInt()).as(where + ": respondents")
                        .isEqualTo(selected.respondents().size());
                assertThat(served.get("fingerprint").asText()).as(where + ": fingerprint of " + served)
                        .isEqualTo(Fingerprint.of(figures));
            }
        }
    }

    /** Respondent by respondent, so that a failure names the first one that differs. */
    static void compare(String where, AsOfState expected, AsOfState actual) {
        assertThat(actual.respondents().stream().map(AsOfState.Respondent::collectiviteId).toList())
                .as(where + ": respondents").isEqualTo(expected.respondents().stream()
                        .map(AsOfState.Respondent::collectiviteId).toList());
        for (int i = 0; i < expected.respondents().size(); i++) {
            AsOfState.Respondent e = expected.respondents().get(i);
            AsOfState.Respondent a = actual.respondents().get(i);
            assertThat(a.projects()).as(where + ": projects of " + e.collectiviteId()).isEqualTo(e.projects());
            assertThat(a).as(where + ": " + e.collectiviteId()).isEqualTo(e);
        }
        assertThat(actual).as(where).isEqualTo(expected);
        assertThat(actual.eventsThrough()).as(where + ": eventsThrough").isEqualTo(expected.eventsThrough());
    }
}
