package io.barometer.query.oracle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import io.barometer.events.ActorStatementRated;
import io.barometer.events.AgreementLevel;
import io.barometer.events.CampaignDeadlineMoved;
import io.barometer.events.CampaignOpened;
import io.barometer.events.CollectiviteKind;
import io.barometer.events.CollectiviteProfileCorrected;
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
import io.barometer.events.ProjectWithdrawn;
import io.barometer.events.RespondentProfileAnswered;
import io.barometer.events.RespondentRole;
import io.barometer.events.ResponseReopened;
import io.barometer.events.ResponseStarted;
import io.barometer.events.ResponseSubmitted;
import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.support.questionnaire.Questionnaires;

/**
 * A random answer log for one campaign, as events ready to append to the store with explicit timestamps
 * and metadata: late starts, post-deadline edits, withdrawals, backdated admin entries, equal instants
 * (every clock sits on a coarse hour grid) and moved deadlines. It keeps the write side's rules: nothing
 * of a response is effective before its start nor of a project before its declaration, a project is
 * declared once and nothing follows its withdrawal, a submitted response changes only when reopened,
 * effectiveAt is never after the event's timestamp, and an aggregate's timestamps never go back.
 * Aggregates are interleaved at random, so timestamps are not monotonic in global_index order.
 */
public final class RandomLog {

    static final Instant BASE = Instant.parse("2021-01-04T00:00:00Z");
    static final Questionnaire Q = Questionnaires.get("bvn-2014");

    private final Random random;
    private int closingHour;
    public final String campaign;
    public final List<String> collectivites = new ArrayList<>();
    /** Every event, in the order it is to be appended. */
    public final List<DomainEventMessage<?>> events = new ArrayList<>();
    /** Instants at which something happened, on either clock: good cut-offs. */
    public final List<Instant> instants = new ArrayList<>();

    private final List<List<DomainEventMessage<?>>> aggregates = new ArrayList<>();

    public RandomLog(long seed, String prefix) {
        this.random = new Random(seed);
        this.campaign = prefix;
        generate(prefix);
        interleave();
    }

    static Instant hour(int h) {
        return BASE.plus(Duration.ofHours(h));
    }

    private void generate(String prefix) {
        int closing = 100 + random.nextInt(40);
        closingHour = closing;
        List<DomainEventMessage<?>> campaignEvents = new ArrayList<>();
        int r = random.nextInt(5);
        add(campaignEvents, "Campaign", "campaign/" + campaign, new CampaignOpened(campaign, 2021, "Random " + campaign,
                hour(0), hour(closing), "bvn-2014"), hour(r), hour(r), admin(false));
        int moves = random.nextInt(3);
        for (int i = 0; i < moves; i++) {
            r += random.nextInt(150);
            add(campaignEvents, "Campaign", "campaign/" + campaign,
                    new CampaignDeadlineMoved(campaign, hour(60 + random.nextInt(120))), hour(r), hour(r), admin(false));
        }
        aggregates.add(campaignEvents);

        int count = 3 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String id = prefix + "-c" + i;
            collectivites.add(id);
            aggregates.add(collectivite(id));
            if (random.nextInt(100) < 85) {
                aggregates.add(response(id));
            }
        }
    }

    private List<DomainEventMessage<?>> collectivite(String id) {
        List<DomainEventMessage<?>> list = new ArrayList<>();
        String aggregate = "collectivite/" + id;
        int r = random.nextInt(40);
        CollectiviteKind kind = pick(CollectiviteKind.values());
        String region = pick(new String[] {"Bretagne", "Alsace", "Centre", "Picardie"});
        Integer population = random.nextInt(4) == 0 ? null : 50_000 + random.nextInt(100_000);
        add(list, "Collectivite", aggregate, new CollectiviteRegistered(id, "Ville " + id, kind, region, population, null),
                hour(r), effective(r, 0), admin(false));
        int corrections = random.nextInt(3);
        for (int i = 0; i < corrections; i++) {
            r += random.nextInt(60);
            population = random.nextInt(4) == 0 ? null : 50_000 + random.nextInt(100_000);
            if (random.nextBoolean()) {
                region = pick(new String[] {"Bretagne", "Alsace", "Centre", "Picardie"});
            }
            add(list, "Collectivite", aggregate,
                    new CollectiviteProfileCorrected(id, "Ville " + id, kind, region, population, null),
                    hour(r), effective(r, 0), admin(true));
        }
        return list;
    }

    /** A live project as the generator tracks it, to keep the write side's rules. */
    private record Project(String id, int declaredAt) {
    }

    private List<DomainEventMessage<?>> response(String collectivite) {
        List<DomainEventMessage<?>> list = new ArrayList<>();
        String id = campaign + ":" + collectivite;
        int r = random.nextInt(220);
        int started = effectiveHour(r, 0);
        add(list, "Response", id, new ResponseStarted(id, campaign, collectivite, "bvn-2014"), hour(r), hour(started),
                meta(started < r));
        List<Project> live = new ArrayList<>();
        boolean submitted = false;
        int steps = random.nextInt(26);
        for (int i = 0; i < steps; i++) {
            r += random.nextInt(4) == 0 ? 0 : random.nextInt(10);
            if (submitted) {
                if (random.nextInt(3) == 0) {
                    int eff = effectiveHour(r, started);
                    add(list, "Response", id, new ResponseReopened(id, campaign, collectivite), hour(r), hour(eff), meta(true));
                    submitted = false;
                }
                continue;
            }
            int op = random.nextInt(100);
            int eff = effectiveHour(r, started);
            Object payload;
            if (op < 8) {
                payload = new RespondentProfileAnswered(id, campaign, collectivite, pick(RespondentRole.values()),
                        random.nextBoolean(), random.nextBoolean() ? null : "DSI");
            } else if (op < 38 || live.isEmpty()) {
                String project = UUID.randomUUID().toString();
                Questionnaire.Domain domain = Q.domains().get(random.nextInt(Q.domains().size()));
                boolean catalogue = random.nextInt(4) != 0;
                String item = catalogue ? domain.catalogue().get(random.nextInt(domain.catalogue().size())).key() : null;
                payload = new ProjectDeclared(id, campaign, collectivite, project, domain.key(), item,
                        catalogue ? null : "Projet " + i, random.nextInt(5) == 0 ? null : pick(ProgressStatus.values()),
                        governance());
                live.add(new Project(project, eff));
            } else if (op < 55) {
                Project p = live.get(random.nextInt(live.size()));
                eff = effectiveHour(r, Math.max(started, p.declaredAt()));
                payload = new ProgressUpdated(id, campaign, collectivite, p.id(), pick(ProgressStatus.values()));
            } else if (op < 68) {
                Project p = live.get(random.nextInt(live.size()));
                eff = effectiveHour(r, Math.max(started, p.declaredAt()));
                payload = new GovernanceScored(id, campaign, collectivite, p.id(), governance());
            } else if (op < 75) {
                Project p = live.remove(random.nextInt(live.size()));
                eff = effectiveHour(r, Math.max(started, p.declaredAt()));
                payload = new ProjectWithdrawn(id, campaign, collectivite, p.id(), random.nextBoolean() ? null : "Doublon");
            } else if (op < 83) {
                List<Motivation> ranking = new ArrayList<>(List.of(Motivation.values()));
                Collections.shuffle(ranking, random);
                Map<Motivation, List<String>> definitions = new EnumMap<>(Motivation.class);
                for (Questionnaire.MotivationDefinition m : Q.motivations()) {
                    if (!m.definitionKeys().isEmpty() && random.nextBoolean()) {
                        List<String> keys = new ArrayList<>(m.definitionKeys());
                        Collections.shuffle(keys, random);
                        definitions.put(m.key(), keys);
                    }
                }
                payload = new MotivationsRanked(id, campaign, collectivite, ranking, definitions);
            } else if (op < 95) {
                payload = new ActorStatementRated(id, campaign, collectivite,
                        Q.actorStatements().get(random.nextInt(Q.actorStatements().size())).key(),
                        pick(AgreementLevel.values()));
            } else {
                payload = new ResponseSubmitted(id, campaign, collectivite);
                submitted = true;
            }
            add(list, "Response", id, payload, hour(r), hour(eff), meta(eff < r));
        }
        return list;
    }

    private Governance governance() {
        if (random.nextInt(4) == 0) {
            return Governance.NONE;
        }
        return new Governance(maybe(() -> 1 + random.nextInt(4)), maybe(() -> 1 + random.nextInt(4)),
                maybe(() -> pick(ManagementMode.values())), maybe(() -> pick(DecisionMode.values())),
                maybe(() -> pick(CoordinationMode.values())));
    }

    private <T> T maybe(java.util.function.Supplier<T> value) {
        return random.nextInt(3) == 0 ? null : value.get();
    }

    /** Mostly online (effective = recorded); else keyed in later, effective at or after {@code floor}. */
    private int effectiveHour(int recorded, int floor) {
        // Now and then exactly at the deadline: a change at that instant is still on time.
        if (random.nextInt(12) == 0 && floor <= closingHour && closingHour <= recorded) {
            return closingHour;
        }
        if (random.nextInt(10) < 6 || recorded <= floor) {
            return Math.max(recorded, floor);
        }
        return floor + random.nextInt(recorded - floor + 1);
    }

    private Instant effective(int recorded, int floor) {
        return hour(effectiveHour(recorded, floor));
    }

    private Map<String, Object> meta(boolean backdated) {
        Map<String, Object> meta = new HashMap<>();
        if (backdated && random.nextBoolean()) {
            meta.put(MetadataKeys.USER_ID, "bvn-team.sophie");
            meta.put(MetadataKeys.USER_ROLE, "ADMIN");
            meta.put(MetadataKeys.REASON, "Formulaire papier");
            meta.put(MetadataKeys.SOURCE, MetadataKeys.SOURCE_API);
        } else if (backdated) {
            meta.put(MetadataKeys.USER_ID, "someone.dsi-1");
            meta.put(MetadataKeys.USER_ROLE, "RESPONDENT");
            meta.put(MetadataKeys.SOURCE, MetadataKeys.SOURCE_IMPORT);
            meta.put(MetadataKeys.IMPORTED_BY, "admin");
        } else {
            meta.put(MetadataKeys.USER_ID, "someone.dsi-1");
            meta.put(MetadataKeys.USER_ROLE, "RESPONDENT");
            meta.put(MetadataKeys.SOURCE, MetadataKeys.SOURCE_API);
        }
        return meta;
    }

    private Map<String, Object> admin(boolean reason) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(MetadataKeys.USER_ID, "bvn-team.claire");
        meta.put(MetadataKeys.USER_ROLE, "ADMIN");
        meta.put(MetadataKeys.SOURCE, MetadataKeys.SOURCE_API);
        if (reason) {
            meta.put(MetadataKeys.REASON, "INSEE");
        }
        return meta;
    }

    private void add(List<DomainEventMessage<?>> list, String type, String aggregate, Object payload, Instant recorded,
                     Instant effective, Map<String, Object> meta) {
        if (effective.isAfter(recorded)) {
            throw new IllegalStateException("effective after recorded");
        }
        Map<String, Object> metaData = new LinkedHashMap<>(meta);
        if (meta.containsKey(MetadataKeys.ON_BEHALF_OF) || "ADMIN".equals(meta.get(MetadataKeys.USER_ROLE))) {
            if (aggregate.contains(":")) {
                metaData.put(MetadataKeys.ON_BEHALF_OF, aggregate.substring(aggregate.indexOf(':') + 1));
            }
        }
        metaData.put(MetadataKeys.EFFECTIVE_AT, effective.toString());
        list.add(new GenericDomainEventMessage<>(type, aggregate, list.size(), payload, metaData,
                UUID.randomUUID().toString(), recorded));
        instants.add(recorded);
        instants.add(effective);
    }

    private void interleave() {
        List<List<DomainEventMessage<?>>> pending = new ArrayList<>();
        for (List<DomainEventMessage<?>> a : aggregates) {
            if (!a.isEmpty()) {
                pending.add(new ArrayList<>(a));
            }
        }
        while (!pending.isEmpty()) {
            int i = random.nextInt(pending.size());
            events.add(pending.get(i).remove(0));
            if (pending.get(i).isEmpty()) {
                pending.remove(i);
            }
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    public Random random() {
        return random;
    }
}
