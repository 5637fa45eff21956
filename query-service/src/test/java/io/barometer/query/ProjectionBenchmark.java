package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;


import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;


import io.barometer.command.testing.Http;
import io.barometer.events.ActorStatementRated;
import io.barometer.events.AgreementLevel;
import io.barometer.events.CampaignOpened;
import io.barometer.events.CollectiviteKind;
import io.barometer.events.CollectiviteRegistered;
import io.barometer.events.CoordinationMode;
import io.barometer.events.DecisionMode;
import io.barometer.events.Governance;
import io.barometer.events.GovernanceScored;
import io.barometer.events.ManagementMode;
import io.barometer.events.MetadataKeys;
import io.barometer.events.Motivation;
import io.barometer.events.MotivationsRanked;
import io.barometer.events.ProgressStatus;
import io.barometer.events.ProgressUpdated;
import io.barometer.events.ProjectDeclared;
import io.barometer.events.RespondentProfileAnswered;
import io.barometer.events.RespondentRole;
import io.barometer.events.ResponseStarted;
import io.barometer.events.ResponseSubmitted;
import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.support.questionnaire.Questionnaires;
import io.barometer.query.testing.ServicesTest;

/**
 * Not a test of correctness and not part of the build: measures replay throughput and synthesis time on a
 * campaign of about a million events (run with -Dbench=true -Dbench.respondents=10000). Prints, asserts nothing timed.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ProjectionBenchmark extends ServicesTest {

    static final Questionnaire Q = Questionnaires.get("bvn-2014");
    static final Instant OPENS = Instant.parse("2019-01-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2019-03-15T23:00:00Z");

    @Test
    void replayAndSynthesisOfALargeCampaign() {
        int respondents = Integer.getInteger("bench.respondents", 10_000);
        String big = unique("bench-big");
        String small = unique("bench-small");
        long appended = append(big, respondents, 50) + append(small, 38, 20);
        awaitProjections();
        long head = SERVICES.query.getBean(io.barometer.query.replay.Projections.class).head();
        System.out.printf("BENCH appended %d events (head %d)%n", appended, head);

        // Twice: the first replay also pays for the JIT compiling the code it runs.
        for (int round = 1; round <= 2; round++) {
            double[] cpuBefore = cpuSeconds();
            long start = System.nanoTime();
            assertThat(query.post("/api/admin/replay", admin, null).status()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> query.get("/api/admin/replay", admin).json().get("caughtUp").asBoolean());
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] cpuAfter = cpuSeconds();
            System.out.printf("BENCH replay " + round + " of %d events: %.1f s, %.0f events/s%n", head, seconds, head / seconds);
            double jvm = cpuAfter[0] - cpuBefore[0];
            double pg = cpuAfter[1] - cpuBefore[1];
            System.out.printf("BENCH replay CPU: JVM %.1f s, PostgreSQL %.1f s: %.0f µs per event, %.0f events/s on 2 idle cores%n",
                    jvm, pg, (jvm + pg) * 1e6 / head, head / Math.max(jvm, pg) < 2 * head / (jvm + pg)
                            ? head / Math.max(jvm, pg) : 2 * head / (jvm + pg));
        }

        var repository = SERVICES.query.getBean(io.barometer.query.asof.AsOfRepository.class);
        var campaigns = SERVICES.query.getBean(io.barometer.query.campaign.CampaignRepository.class);
        var jdbc = SERVICES.query.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        jdbc.sql("ANALYZE answer_fact").update();
        for (String campaign : List.of(big, small)) {
            var c = campaigns.find(campaign).orElseThrow();
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                var state = repository.campaign(c, c.closesAt(), io.barometer.query.asof.Basis.EFFECTIVE);
                long t1 = System.nanoTime();
                var figures = io.barometer.query.synthesis.Synthesis.compute(state, Q);
                long t2 = System.nanoTime();
                io.barometer.query.synthesis.Fingerprint.of(figures);
                long t3 = System.nanoTime();
                System.out.printf("BENCH %s: state %.0f ms, statistics %.0f ms, fingerprint %.0f ms%n", campaign,
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
            }
            List<String> extra = new ArrayList<>();
            if (System.getProperty("bench.sql") != null) {
                try {
                    extra.add(java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("bench.sql")))
                            .replace("bench-big-t1", campaign).replace("%", "%%").replace(";", ""));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            for (String sql : java.util.stream.Stream.concat(extra.stream(), List.of("""
                    EXPLAIN (ANALYZE, BUFFERS) SELECT collectivite_id, project_id, change, domain, catalogue_item, status,
                           measure, means, management_mode, decision_mode, coordination, effective_at
                    FROM answer_fact WHERE campaign_id = '%s' AND project_id IS NOT NULL AND effective_at <= now()
                    ORDER BY collectivite_id, project_id, effective_at DESC, sequence_number DESC""",
                    """
                    EXPLAIN (ANALYZE, BUFFERS) SELECT DISTINCT ON (collectivite_id, attribute, statement)
                           collectivite_id, attribute, statement, effective_at, role, works_in_digital, organisation,
                           ranking, definitions, level, submitted
                    FROM answer_fact WHERE campaign_id = '%s' AND project_id IS NULL AND effective_at <= now()
                    ORDER BY collectivite_id, attribute, statement, effective_at DESC, sequence_number DESC""",
                    """
                    EXPLAIN (ANALYZE, BUFFERS) SELECT collectivite_id, count(*) AS changes,
                           count(*) FILTER (WHERE effective_at > now()) AS after_closing,
                           max(sequence_number) AS last_sequence, max(global_index) AS through
                    FROM answer_fact WHERE campaign_id = '%s' AND effective_at <= now() GROUP BY collectivite_id""").stream()).toList()) {
                System.out.println("BENCH plan\n" + String.join("\n",
                        jdbc.sql(sql.formatted(campaign)).query(String.class).list()));
            }
        }

        for (String campaign : List.of(big, small)) {
            for (String params : List.of("asOf=closing", "asOf=closing&basis=recorded", "")) {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    long t0 = System.nanoTime();
                    Http.Reply r = query.get("/api/campaigns/" + campaign + "/synthesis?" + params, admin);
                    times.add((System.nanoTime() - t0) / 1e6);
                    assertThat(r.status()).isEqualTo(200);
                }
                times.sort(Double::compare);
                System.out.printf("BENCH synthesis %s %s: min %.0f ms, median %.0f ms, max %.0f ms%n", campaign, params,
                        times.get(0), times.get(3), times.get(5));
            }
        }
    }

    /** CPU seconds used so far by this JVM and by every PostgreSQL process (the machine is shared: wall time lies). */
    private static double[] cpuSeconds() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        double pg = 0;
        long ticks = 100;
        long backend = SERVICES.query.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT pg_backend_pid()").query(Long.class).single();
        String postmaster = stat(java.nio.file.Path.of("/proc", Long.toString(backend)))[1];
        try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String[] f = stat(dir);
                    if (f[1].equals(postmaster) || dir.getFileName().toString().equals(postmaster)) {
                        pg += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) ticks;
                    }
                } catch (Exception gone) {
                    // the process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new double[] {jvm, pg};
    }

    /** The fields of /proc/PID/stat after the command name: [0] state, [1] parent pid, [11] utime, [12] stime. */
    private static String[] stat(java.nio.file.Path dir) {
        try {
            String stat = java.nio.file.Files.readString(dir.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A campaign of {@code respondents} responses of about 2 × projects events each, appended in chunks. */
    private static long append(String campaign, int respondents, int projects) {
        Random random = new Random(42);
        List<DomainEventMessage<?>> chunk = new ArrayList<>();
        long count = 0;
        chunk.add(event("Campaign", "campaign/" + campaign, 0, new CampaignOpened(campaign, 2019, "Bench", OPENS, CLOSES,
                "bvn-2014"), OPENS));
        for (int i = 0; i < respondents; i++) {
            String c = campaign + "-c" + i;
            chunk.add(event("Collectivite", "collectivite/" + c, 0, new CollectiviteRegistered(c, "Ville " + c,
                    CollectiviteKind.COMMUNE, "Bretagne", 50_000 + random.nextInt(200_000), null), OPENS));
            String id = campaign + ":" + c;
            Instant at = OPENS.plusSeconds(random.nextInt(90 * 86_400));
            int seq = 0;
            chunk.add(event("Response", id, seq++, new ResponseStarted(id, campaign, c, "bvn-2014"), at));
            chunk.add(event("Response", id, seq++, new RespondentProfileAnswered(id, campaign, c,
                    RespondentRole.ADMIN_STAFF, random.nextBoolean(), null), at = at.plusSeconds(600)));
            List<String> ids = new ArrayList<>();
            for (int p = 0; p < projects; p++) {
                Questionnaire.Domain d = Q.domains().get(random.nextInt(Q.domains().size()));
                String project = UUID.randomUUID().toString();
                ids.add(project);
                chunk.add(event("Response", id, seq++, new ProjectDeclared(id, campaign, c, project, d.key(),
                        d.catalogue().get(random.nextInt(d.catalogue().size())).key(), null,
                        ProgressStatus.values()[random.nextInt(3)], random.nextBoolean() ? Governance.NONE
                        : new Governance(1 + random.nextInt(4), 1 + random.nextInt(4), ManagementMode.REGIE,
                        DecisionMode.UNILATERAL, CoordinationMode.DEDICATED_TEAM)), at = at.plusSeconds(600)));
            }
            for (int p = 0; p < projects / 2; p++) {
                chunk.add(event("Response", id, seq++, new ProgressUpdated(id, campaign, c, ids.get(p), ProgressStatus.DONE),
                        at = at.plusSeconds(3600)));
            }
            for (int p = 0; p < projects / 3; p++) {
                chunk.add(event("Response", id, seq++, new GovernanceScored(id, campaign, c, ids.get(p),
                        new Governance(2, 3, ManagementMode.MARCHE, null, null)), at = at.plusSeconds(3600)));
            }
            chunk.add(event("Response", id, seq++, new MotivationsRanked(id, campaign, c, List.of(Motivation.values()),
                    Map.of()), at = at.plusSeconds(600)));
            for (Questionnaire.ActorStatement s : Q.actorStatements()) {
                chunk.add(event("Response", id, seq++, new ActorStatementRated(id, campaign, c, s.key(),
                        AgreementLevel.values()[random.nextInt(4)]), at = at.plusSeconds(60)));
            }
            chunk.add(event("Response", id, seq, new ResponseSubmitted(id, campaign, c), at.plusSeconds(60)));
            if (chunk.size() > 5000) {
                SERVICES.appendToStore(chunk);
                count += chunk.size();
                chunk.clear();
            }
        }
        SERVICES.appendToStore(chunk);
        return count + chunk.size();
    }

    private static DomainEventMessage<?> event(String type, String aggregate, long seq, Object payload, Instant at) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(MetadataKeys.EFFECTIVE_AT, at.toString());
        meta.put(MetadataKeys.USER_ID, "bench");
        meta.put(MetadataKeys.SOURCE, MetadataKeys.SOURCE_IMPORT);
        return new GenericDomainEventMessage<>(type, aggregate, seq, payload, meta, UUID.randomUUID().toString(), at);
    }
}
