package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.barometer.command.testing.Http;
import io.barometer.support.questionnaire.Questionnaires;
import io.barometer.query.asof.AsOfRepository;
import io.barometer.query.asof.AsOfState;
import io.barometer.query.asof.Basis;
import io.barometer.query.campaign.Campaign;
import io.barometer.query.campaign.CampaignRepository;
import io.barometer.query.oracle.Oracle;
import io.barometer.query.oracle.RandomLog;
import io.barometer.query.projection.History;
import io.barometer.query.replay.Projections;
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

    /**
     * Reads interleaved with the projection (issue 24): with the processor stopped, random logs go into the store,
     * their events mixed so that every campaign spans the whole catch-up; then the processor starts and syntheses are
     * read again and again while it catches up. A view that says it is incomplete has a provisional fingerprint; one
     * that says it is complete has the oracle's final figures, and every later call with the same parameters answers
     * the same view. The seed is printed; replay it with -Dinterleave.seed=N.
     */
    @Test
    void aViewThatSaysItIsCompleteIsFinalWhileTheProjectionCatchesUp() {
        long seed = Long.getLong("interleave.seed", System.nanoTime());
        System.out.println("AsOfOracleTest interleaving seed: -Dinterleave.seed=" + seed);
        Random random = new Random(seed);
        List<RandomLog> logs = new ArrayList<>();
        int events = 0;
        // Enough events for several of the processor's batches, so that reads land between them.
        while (events < 12_000) {
            RandomLog log = new RandomLog(random.nextLong(), unique("interleave"));
            logs.add(log);
            events += log.events.size();
        }
        List<EventMessage<?>> mixed = mixed(logs, random);
        StreamingEventProcessor history = SERVICES.query.getBean(Projections.class).processors().get(History.GROUP);
        history.shutDown();
        try {
            // Every event is in the store before the first read, so that a complete view must hold its whole log.
            for (int from = 0; from < mixed.size(); from += 500) {
                SERVICES.appendToStore(mixed.subList(from, Math.min(mixed.size(), from + 500)));
            }
        } finally {
            history.start();
        }
        logs = logs.subList(0, Math.min(6, logs.size()));

        DataSource dataSource = SERVICES.command.getBean(DataSource.class);
        Map<String, String> finalFingerprints = new HashMap<>();
        for (RandomLog log : logs) {
            Oracle oracle = new Oracle(dataSource, log.campaign);
            Instant closing = oracle.campaign().closesAt();
            Instant other = log.instants.get(random.nextInt(log.instants.size()));
            for (String parameters : List.of("asOf=" + closing + "&basis=effective", "asOf=" + other + "&basis=recorded")) {
                Instant t = parameters.startsWith("asOf=" + closing) ? closing : other;
                Basis basis = parameters.endsWith("effective") ? Basis.EFFECTIVE : Basis.RECORDED;
                finalFingerprints.put("/api/campaigns/" + log.campaign + "/synthesis?" + parameters, Fingerprint.of(
                        Synthesis.compute(Oracle.forStatistics(oracle.state(t, basis)), Questionnaires.get("bvn-2014"))));
            }
        }

        List<String> paths = new ArrayList<>(finalFingerprints.keySet());
        Map<String, JsonNode> complete = new HashMap<>();
        Map<String, Integer> completeReads = new HashMap<>();
        int[] provisional = {0};
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() -> {
            Collections.shuffle(paths, random);
            for (String path : paths) {
                Http.Reply reply = query.get(path, admin);
                if (reply.status() == 404) {
                    continue; // the campaign's opening is not projected yet
                }
                assertThat(reply.status()).as("seed %d, %s: %s", seed, path, reply.body()).isEqualTo(200);
                JsonNode view = reply.json();
                JsonNode projection = view.get("projection");
                if (!projection.get("complete").asBoolean()) {
                    provisional[0]++;
                    assertThat(projection.get("position").asLong()).as("seed %d, %s", seed, path)
                            .isLessThan(projection.get("head").asLong());
                    assertThat(view.get("fingerprint").asText()).as("seed %d, %s", seed, path).startsWith("provisional:");
                    continue;
                }
                assertThat(view.get("fingerprint").asText()).as("seed %d, %s: a complete view", seed, path)
                        .isEqualTo(finalFingerprints.get(path));
                ObjectNode figures = view.deepCopy();
                figures.remove("projection");
                JsonNode first = complete.putIfAbsent(path, figures);
                if (first != null) {
                    assertThat(figures).as("seed %d, %s: a later call", seed, path).isEqualTo(first);
                }
                completeReads.merge(path, 1, Integer::sum);
            }
            return paths.stream().allMatch(p -> completeReads.getOrDefault(p, 0) >= 3);
        });
        System.out.println("AsOfOracleTest interleaving: " + provisional[0] + " provisional reads before completion");
    }

    /** The logs' events in one sequence, each log's in its own order, taking from a log chosen at random each time. */
    private static List<EventMessage<?>> mixed(List<RandomLog> logs, Random random) {
        List<Iterator<? extends EventMessage<?>>> left = new ArrayList<>();
        logs.forEach(log -> left.add(log.events.iterator()));
        List<EventMessage<?>> mixed = new ArrayList<>();
        while (!left.isEmpty()) {
            int i = random.nextInt(left.size());
            mixed.add(left.get(i).next());
            if (!left.get(i).hasNext()) {
                left.remove(i);
            }
        }
        return mixed;
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
