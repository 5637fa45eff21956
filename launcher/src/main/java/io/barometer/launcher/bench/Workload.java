package io.barometer.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

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
import io.barometer.events.Motivation;
import io.barometer.events.MotivationsRanked;
import io.barometer.events.ProgressStatus;
import io.barometer.events.ProgressUpdated;
import io.barometer.events.ProjectDeclared;
import io.barometer.events.ProjectWithdrawn;
import io.barometer.events.RespondentProfileAnswered;
import io.barometer.events.RespondentRole;
import io.barometer.events.ResponseStarted;
import io.barometer.events.ResponseSubmitted;
import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.support.questionnaire.Questionnaires;

/**
 * A synthetic campaign shaped like the barometer: collectivités answering over the campaign's months,
 * projects in every domain with progress updates and re-scored governance, motivations and actors, some
 * late starts and post-deadline edits. Seeded, so that two runs write the same store.
 */
final class Workload {

    static final Instant OPENS = Instant.parse("2020-11-30T23:00:00Z");
    static final Instant CLOSES = Instant.parse("2021-03-15T22:59:59Z");
    private static final String BENCH_ADMIN = UUID.nameUUIDFromBytes("bench-admin".getBytes(StandardCharsets.UTF_8)).toString();

    private final String campaignId;
    private final Random random;
    private final Questionnaire questionnaire = Questionnaires.get("bvn-2014");
    private int nextCollectivite;

    Workload(String campaignId, long seed) {
        this.campaignId = campaignId;
        this.random = new Random(seed);
    }

    String campaignId() {
        return campaignId;
    }

    void open(EventWriter out) throws SQLException {
        out.append("campaign/" + campaignId, 0, "Campaign",
                new CampaignOpened(campaignId, 2021, "Benchmark " + campaignId, OPENS, CLOSES, "bvn-2014"),
                OPENS, OPENS, BENCH_ADMIN, "ADMIN");
    }

    /** How many respondents the campaign has so far (collectivités 0 to n - 1 have all started). */
    int respondents() {
        return nextCollectivite;
    }

    String collectiviteId(int n) {
        return campaignId + "-city-" + n;
    }

    /** Appends respondents until {@code events} more events have been written. */
    void grow(EventWriter out, long events) throws SQLException {
        long target = out.written() + events;
        while (out.written() < target) {
            respondent(out, nextCollectivite++, 30 + random.nextInt(30));
        }
        out.flush();
    }

    /** One collectivité's whole response; about 5 events per project. */
    void respondent(EventWriter out, int n, int projects) throws SQLException {
        String coll = collectiviteId(n);
        Instant registered = OPENS.plus(Duration.ofHours(random.nextInt(24 * 30)));
        out.append("collectivite/" + coll, 0, "Collectivite", new CollectiviteRegistered(coll, "Ville " + n,
                CollectiviteKind.values()[random.nextInt(4)], "Région " + (n % 13), 50_000 + random.nextInt(400_000), null),
                registered, registered, BENCH_ADMIN, "ADMIN");
        boolean late = random.nextInt(20) == 0;
        Instant clock = late ? CLOSES.plus(Duration.ofDays(1 + random.nextInt(20)))
                : registered.plus(Duration.ofHours(1 + random.nextInt(24 * 60)));
        String rid = campaignId + ":" + coll;
        // Events name people by id only (issue 23); the staged respondents have no row in person, as the
        // generated data has no names.
        String user = UUID.nameUUIDFromBytes((coll + ".dsi-1").getBytes(StandardCharsets.UTF_8)).toString();
        long seq = 0;
        out.append(rid, seq++, "Response", new ResponseStarted(rid, campaignId, coll, "bvn-2014"), clock, clock, user, "RESPONDENT");
        clock = tick(clock);
        out.append(rid, seq++, "Response", new RespondentProfileAnswered(rid, campaignId, coll, RespondentRole.ADMIN_STAFF,
                random.nextBoolean(), "Direction du numérique"), clock, clock, user, "RESPONDENT");
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < projects; p++) {
            clock = tick(clock);
            Questionnaire.Domain domain = questionnaire.domains().get(random.nextInt(questionnaire.domains().size()));
            String id = UUID.nameUUIDFromBytes((rid + "/" + p).getBytes()).toString();
            ids.add(id);
            boolean catalogue = !domain.catalogue().isEmpty() && random.nextInt(3) > 0;
            String item = catalogue ? domain.catalogue().get(random.nextInt(domain.catalogue().size())).key() : null;
            out.append(rid, seq++, "Response", new ProjectDeclared(rid, campaignId, coll, id, domain.key(), item,
                    catalogue ? null : "Projet libre " + p, status(), governance()), clock, clock, user, "RESPONDENT");
        }
        for (String id : ids) {
            for (int k = random.nextInt(3); k > 0; k--) {
                clock = tick(clock);
                out.append(rid, seq++, "Response", new ProgressUpdated(rid, campaignId, coll, id,
                        ProgressStatus.values()[random.nextInt(3)]), clock, clock, user, "RESPONDENT");
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                clock = tick(clock);
                out.append(rid, seq++, "Response", new GovernanceScored(rid, campaignId, coll, id, governance()),
                        clock, clock, user, "RESPONDENT");
            }
        }
        if (random.nextInt(10) == 0) {
            clock = tick(clock);
            out.append(rid, seq++, "Response", new ProjectWithdrawn(rid, campaignId, coll, ids.get(0), "Doublon"),
                    clock, clock, user, "RESPONDENT");
        }
        clock = tick(clock);
        List<Motivation> ranking = new ArrayList<>(List.of(Motivation.values()));
        java.util.Collections.shuffle(ranking, random);
        out.append(rid, seq++, "Response", new MotivationsRanked(rid, campaignId, coll, ranking, Map.of()), clock, clock,
                user, "RESPONDENT");
        for (Questionnaire.ActorStatement statement : questionnaire.actorStatements()) {
            clock = tick(clock);
            out.append(rid, seq++, "Response", new ActorStatementRated(rid, campaignId, coll, statement.key(),
                    AgreementLevel.values()[random.nextInt(4)]), clock, clock, user, "RESPONDENT");
        }
        clock = tick(clock);
        out.append(rid, seq++, "Response", new ResponseSubmitted(rid, campaignId, coll), clock, clock, user, "RESPONDENT");
    }

    private Instant tick(Instant clock) {
        return clock.plus(Duration.ofMinutes(1 + random.nextInt(60 * 12)));
    }

    private ProgressStatus status() {
        int r = random.nextInt(20);
        return r == 0 ? null : ProgressStatus.values()[r % 3];
    }

    private Governance governance() {
        if (random.nextInt(10) == 0) {
            return Governance.NONE;
        }
        return new Governance(maybe(1 + random.nextInt(4)), maybe(1 + random.nextInt(4)),
                maybe(ManagementMode.values()[random.nextInt(5)]), maybe(DecisionMode.values()[random.nextInt(4)]),
                maybe(CoordinationMode.values()[random.nextInt(4)]));
    }

    private <T> T maybe(T value) {
        return random.nextInt(6) == 0 ? null : value;
    }
}
