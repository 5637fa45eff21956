package io.barometer.query.synthesis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import io.barometer.events.AgreementLevel;
import io.barometer.events.CollectiviteKind;
import io.barometer.events.CoordinationMode;
import io.barometer.events.DecisionMode;
import io.barometer.events.Governance;
import io.barometer.events.ManagementMode;
import io.barometer.events.Motivation;
import io.barometer.events.ProgressStatus;
import io.barometer.events.RespondentRole;
import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.query.asof.AsOfState;
import io.barometer.query.asof.AsOfState.Project;
import io.barometer.query.asof.AsOfState.Respondent;
import io.barometer.query.asof.Timeliness;
import io.barometer.query.synthesis.SynthesisFigures.ActorFigures;
import io.barometer.query.synthesis.SynthesisFigures.DomainFigures;
import io.barometer.query.synthesis.SynthesisFigures.GovernanceBase;
import io.barometer.query.synthesis.SynthesisFigures.GovernanceFigures;
import io.barometer.query.synthesis.SynthesisFigures.ItemCount;
import io.barometer.query.synthesis.SynthesisFigures.LevelFigures;
import io.barometer.query.synthesis.SynthesisFigures.LevelStats;
import io.barometer.query.synthesis.SynthesisFigures.ModeFigures;
import io.barometer.query.synthesis.SynthesisFigures.ModeStats;
import io.barometer.query.synthesis.SynthesisFigures.MotivationFigures;
import io.barometer.query.synthesis.SynthesisFigures.MotivationStats;
import io.barometer.query.synthesis.SynthesisFigures.PerRespondent;
import io.barometer.query.synthesis.SynthesisFigures.ProjectFigures;
import io.barometer.query.synthesis.SynthesisFigures.RespondentFigures;
import io.barometer.query.synthesis.SynthesisFigures.StatementStats;
import io.barometer.query.synthesis.SynthesisFigures.WorksInDigital;

/**
 * The statistics of DESIGN §8 as pure functions of an as-of state (already restricted to the respondents
 * the analyst keeps), so that each can be checked on small hand-computed cases.
 */
public final class Synthesis {

    public static final String NOT_ANSWERED = "NOT_ANSWERED";
    public static final String UNKNOWN = "UNKNOWN";
    static final int POPULATION_BAND = 100_000;

    private Synthesis() {
    }

    public static SynthesisFigures compute(AsOfState state, Questionnaire questionnaire) {
        List<Respondent> respondents = state.respondents();
        List<String> domains = domains(questionnaire, respondents);
        return new SynthesisFigures(respondents(respondents), timeliness(respondents),
                projects(respondents, domains), governance(respondents, domains, questionnaire),
                motivations(respondents, questionnaire), actors(respondents, questionnaire));
    }

    // --- profile -----------------------------------------------------------------------------------------

    public static RespondentFigures respondents(List<Respondent> respondents) {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (CollectiviteKind kind : CollectiviteKind.values()) {
            byKind.put(kind.name(), 0);
        }
        Map<String, Integer> byRegion = new HashMap<>();
        Map<String, Integer> byBand = new LinkedHashMap<>();
        byBand.put("UNDER_100K", 0);
        byBand.put("FROM_100K", 0);
        byBand.put(UNKNOWN, 0);
        Map<String, Integer> byRole = new LinkedHashMap<>();
        for (RespondentRole role : RespondentRole.values()) {
            byRole.put(role.name(), 0);
        }
        byRole.put(NOT_ANSWERED, 0);
        int yes = 0;
        int no = 0;
        for (Respondent r : respondents) {
            AsOfState.Place place = r.place();
            String kind = place == null || place.kind() == null ? UNKNOWN : place.kind().name();
            byKind.merge(kind, 1, Integer::sum);
            byRegion.merge(place == null || place.region() == null ? UNKNOWN : place.region(), 1, Integer::sum);
            Integer population = place == null ? null : place.population();
            String band = population == null ? UNKNOWN : population < POPULATION_BAND ? "UNDER_100K" : "FROM_100K";
            byBand.merge(band, 1, Integer::sum);
            byRole.merge(r.profile() == null ? NOT_ANSWERED : r.profile().role().name(), 1, Integer::sum);
            if (r.profile() != null) {
                if (r.profile().worksInDigital()) {
                    yes++;
                } else {
                    no++;
                }
            }
        }
        Map<String, Integer> regions = new LinkedHashMap<>();
        byRegion.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> regions.put(e.getKey(), e.getValue()));
        return new RespondentFigures(respondents.size(), byKind, regions, byBand, byRole,
                new WorksInDigital(yes, no, respondents.size() - yes - no, share(yes, yes + no)));
    }

    // --- timeliness --------------------------------------------------------------------------------------

    /** Every answer change as of the instant, labelled against the campaign's current deadline. */
    public static Map<String, Long> timeliness(List<Respondent> respondents) {
        long onTime = 0;
        long late = 0;
        long afterDeadline = 0;
        for (Respondent r : respondents) {
            if (r.late()) {
                late += r.changes();
            } else {
                afterDeadline += r.changesAfterClosing();
                onTime += r.changes() - r.changesAfterClosing();
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(Timeliness.ON_TIME.name(), onTime);
        counts.put(Timeliness.LATE_SUBMISSION.name(), late);
        counts.put(Timeliness.POST_DEADLINE_EDIT.name(), afterDeadline);
        return counts;
    }

    // --- projects ----------------------------------------------------------------------------------------

    public static ProjectFigures projects(List<Respondent> respondents, List<String> domains) {
        int total = 0;
        int withProjects = 0;
        for (Respondent r : respondents) {
            total += r.projects().size();
            if (!r.projects().isEmpty()) {
                withProjects++;
            }
        }
        Map<String, DomainFigures> byDomain = new LinkedHashMap<>();
        for (String domain : domains) {
            byDomain.put(domain, domain(respondents, domain, total));
        }
        return new ProjectFigures(total, withProjects, byDomain);
    }

    static DomainFigures domain(List<Respondent> respondents, String domain, int total) {
        Map<String, Integer> status = new LinkedHashMap<>();
        for (ProgressStatus s : ProgressStatus.values()) {
            status.put(s.name(), 0);
        }
        status.put(NOT_ANSWERED, 0);
        List<Integer> perRespondent = new ArrayList<>();
        Map<String, Set<String>> itemRespondents = new HashMap<>();
        int count = 0;
        int answered = 0;
        int scoreSum = 0;
        for (Respondent r : respondents) {
            int mine = 0;
            for (Project p : r.projects()) {
                if (!p.domain().equals(domain)) {
                    continue;
                }
                mine++;
                status.merge(p.status() == null ? NOT_ANSWERED : p.status().name(), 1, Integer::sum);
                if (p.status() != null) {
                    answered++;
                    scoreSum += p.status().score();
                }
                if (p.catalogueItem() != null) {
                    itemRespondents.computeIfAbsent(p.catalogueItem(), k -> new HashSet<>()).add(r.collectiviteId());
                }
            }
            if (mine > 0) {
                perRespondent.add(mine);
            }
            count += mine;
        }
        Map<String, Double> statusShare = new LinkedHashMap<>();
        for (ProgressStatus s : ProgressStatus.values()) {
            statusShare.put(s.name(), share(status.get(s.name()), answered));
        }
        List<ItemCount> items = itemRespondents.entrySet().stream()
                .map(e -> new ItemCount(e.getKey(), e.getValue().size()))
                .sorted(Comparator.comparingInt(ItemCount::count).reversed().thenComparing(ItemCount::item))
                .toList();
        return new DomainFigures(count, share(count, total), perRespondent.size(), status, statusShare,
                answered == 0 ? null : (double) scoreSum / answered, perRespondent(perRespondent), items);
    }

    public static PerRespondent perRespondent(List<Integer> counts) {
        if (counts.isEmpty()) {
            return new PerRespondent(null, null, null, null);
        }
        List<Integer> sorted = counts.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        double sum = 0;
        for (int c : sorted) {
            sum += c;
        }
        return new PerRespondent(sorted.get(0), median, sum / n, sorted.get(n - 1));
    }

    // --- governance --------------------------------------------------------------------------------------

    public static GovernanceFigures governance(List<Respondent> respondents, List<String> domains,
                                               Questionnaire questionnaire) {
        GovernanceBase overall = base(respondents, p -> true);
        Map<String, GovernanceBase> byDomain = new LinkedHashMap<>();
        for (String domain : domains) {
            byDomain.put(domain, base(respondents, p -> p.domain().equals(domain)));
        }
        return new GovernanceFigures(overall.projects(), overall.withoutGovernance(), overall.respondents(), byDomain,
                level(respondents, domains, Governance::measure, questionnaire.measureLevelCount()),
                level(respondents, domains, Governance::means, questionnaire.meansLevelCount()),
                mode(respondents, domains, Governance::managementMode, ManagementMode.values()),
                mode(respondents, domains, Governance::decisionMode, DecisionMode.values()),
                mode(respondents, domains, Governance::coordination, CoordinationMode.values()));
    }

    static boolean hasGovernance(Project p) {
        return p.governance() != null && !p.governance().isEmpty();
    }

    static GovernanceBase base(List<Respondent> respondents, Predicate<Project> inScope) {
        int with = 0;
        int without = 0;
        int resting = 0;
        for (Respondent r : respondents) {
            boolean any = false;
            for (Project p : r.projects()) {
                if (!inScope.test(p)) {
                    continue;
                }
                if (hasGovernance(p)) {
                    with++;
                    any = true;
                } else {
                    without++;
                }
            }
            if (any) {
                resting++;
            }
        }
        return new GovernanceBase(with, without, resting);
    }

    static LevelFigures level(List<Respondent> respondents, List<String> domains,
                              Function<Governance, Integer> field, int levels) {
        LevelStats overall = levelStats(respondents, p -> true, field, levels);
        Map<String, LevelStats> byDomain = new LinkedHashMap<>();
        for (String domain : domains) {
            byDomain.put(domain, levelStats(respondents, p -> p.domain().equals(domain), field, levels));
        }
        return new LevelFigures(overall.distribution(), overall.answered(), overall.share(), overall.mean(),
                overall.respondents(), byDomain);
    }

    static LevelStats levelStats(List<Respondent> respondents, Predicate<Project> inScope,
                                 Function<Governance, Integer> field, int levels) {
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (int level = 1; level <= levels; level++) {
            distribution.put(Integer.toString(level), 0);
        }
        int base = 0;
        int answered = 0;
        int sum = 0;
        int resting = 0;
        for (Respondent r : respondents) {
            boolean any = false;
            for (Project p : r.projects()) {
                if (!inScope.test(p) || !hasGovernance(p)) {
                    continue;
                }
                base++;
                Integer value = field.apply(p.governance());
                if (value != null) {
                    answered++;
                    sum += value;
                    distribution.merge(Integer.toString(value), 1, Integer::sum);
                    any = true;
                }
            }
            if (any) {
                resting++;
            }
        }
        distribution.put(NOT_ANSWERED, base - answered);
        Map<String, Double> share = new LinkedHashMap<>();
        for (int level = 1; level <= levels; level++) {
            share.put(Integer.toString(level), share(distribution.get(Integer.toString(level)), answered));
        }
        return new LevelStats(distribution, answered, share, answered == 0 ? null : (double) sum / answered, resting);
    }

    static <E extends Enum<E>> ModeFigures mode(List<Respondent> respondents, List<String> domains,
                                                Function<Governance, E> field, E[] values) {
        ModeStats overall = modeStats(respondents, p -> true, field, values);
        Map<String, ModeStats> byDomain = new LinkedHashMap<>();
        for (String domain : domains) {
            byDomain.put(domain, modeStats(respondents, p -> p.domain().equals(domain), field, values));
        }
        return new ModeFigures(overall.distribution(), overall.answered(), overall.share(), overall.respondents(),
                byDomain);
    }

    static <E extends Enum<E>> ModeStats modeStats(List<Respondent> respondents, Predicate<Project> inScope,
                                                   Function<Governance, E> field, E[] values) {
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (E value : values) {
            distribution.put(value.name(), 0);
        }
        distribution.put(NOT_ANSWERED, 0);
        int base = 0;
        int resting = 0;
        for (Respondent r : respondents) {
            boolean any = false;
            for (Project p : r.projects()) {
                if (!inScope.test(p) || !hasGovernance(p)) {
                    continue;
                }
                base++;
                E value = field.apply(p.governance());
                distribution.merge(value == null ? NOT_ANSWERED : value.name(), 1, Integer::sum);
                any |= value != null;
            }
            if (any) {
                resting++;
            }
        }
        Map<String, Double> share = new LinkedHashMap<>();
        for (var e : distribution.entrySet()) {
            share.put(e.getKey(), share(e.getValue(), base));
        }
        return new ModeStats(distribution, base - distribution.get(NOT_ANSWERED), share, resting);
    }

    // --- motivations -------------------------------------------------------------------------------------

    public static MotivationFigures motivations(List<Respondent> respondents, Questionnaire questionnaire) {
        List<AsOfState.Ranking> rankings = respondents.stream().map(Respondent::motivations)
                .filter(m -> m != null).toList();
        int n = rankings.size();
        Map<String, MotivationStats> byMotivation = new LinkedHashMap<>();
        Map<Motivation, Double> means = new HashMap<>();
        for (Questionnaire.MotivationDefinition definition : questionnaire.motivations()) {
            Motivation motivation = definition.key();
            int size = questionnaire.motivations().size();
            Map<String, Integer> rankCounts = new LinkedHashMap<>();
            for (int rank = 1; rank <= size; rank++) {
                rankCounts.put(Integer.toString(rank), 0);
            }
            int points = 0;
            for (AsOfState.Ranking ranking : rankings) {
                int rank = ranking.ranking().indexOf(motivation) + 1;
                if (rank > 0) {
                    rankCounts.merge(Integer.toString(rank), 1, Integer::sum);
                    points += size + 1 - rank;
                }
            }
            Double mean = n == 0 ? null : (double) points / n;
            means.put(motivation, mean);
            List<String> keys = definition.definitionKeys();
            Map<String, Map<String, Integer>> definitions = new LinkedHashMap<>();
            Map<String, Integer> rankSums = new HashMap<>();
            for (String key : keys) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (int rank = 1; rank <= keys.size(); rank++) {
                    counts.put(Integer.toString(rank), 0);
                }
                definitions.put(key, counts);
                rankSums.put(key, 0);
            }
            int definitionRespondents = 0;
            for (AsOfState.Ranking ranking : rankings) {
                List<String> order = ranking.definitions() == null ? null : ranking.definitions().get(motivation);
                if (order == null || order.isEmpty()) {
                    continue;
                }
                definitionRespondents++;
                for (int i = 0; i < order.size(); i++) {
                    Map<String, Integer> counts = definitions.get(order.get(i));
                    if (counts != null) {
                        counts.merge(Integer.toString(i + 1), 1, Integer::sum);
                        rankSums.merge(order.get(i), i + 1, Integer::sum);
                    }
                }
            }
            Map<String, Double> meanRank = new LinkedHashMap<>();
            for (String key : keys) {
                meanRank.put(key, definitionRespondents == 0 ? null : (double) rankSums.get(key) / definitionRespondents);
            }
            byMotivation.put(motivation.name(), new MotivationStats(points, mean, 0, rankCounts, definitionRespondents,
                    definitions, meanRank));
        }
        // Rank 1 is the highest mean score; motivations with equal scores share the better rank.
        Map<String, MotivationStats> ranked = new LinkedHashMap<>();
        for (var e : byMotivation.entrySet()) {
            MotivationStats s = e.getValue();
            int rank = 1;
            for (MotivationStats other : byMotivation.values()) {
                if (other.points() > s.points()) {
                    rank++;
                }
            }
            ranked.put(e.getKey(), new MotivationStats(s.points(), s.meanScore(), rank, s.rankCounts(),
                    s.definitionRespondents(), s.definitions(), s.definitionMeanRank()));
        }
        return new MotivationFigures(n, ranked);
    }

    // --- actors ------------------------------------------------------------------------------------------

    public static ActorFigures actors(List<Respondent> respondents, Questionnaire questionnaire) {
        int raters = (int) respondents.stream().filter(r -> !r.actors().isEmpty()).count();
        Map<String, StatementStats> byStatement = new LinkedHashMap<>();
        Set<String> statements = new LinkedHashSet<>();
        questionnaire.actorStatements().forEach(s -> statements.add(s.key()));
        respondents.forEach(r -> statements.addAll(new TreeMap<>(r.actors()).keySet()));
        for (String statement : statements) {
            Map<String, Integer> levels = new LinkedHashMap<>();
            for (AgreementLevel level : AgreementLevel.values()) {
                levels.put(level.name(), 0);
            }
            int rated = 0;
            for (Respondent r : respondents) {
                AgreementLevel level = r.actors().get(statement);
                if (level != null) {
                    rated++;
                    levels.merge(level.name(), 1, Integer::sum);
                }
            }
            int agree = levels.get(AgreementLevel.AGREE.name()) + levels.get(AgreementLevel.STRONGLY_AGREE.name());
            byStatement.put(statement, new StatementStats(rated, raters - rated, levels, share(agree, rated)));
        }
        return new ActorFigures(raters, byStatement);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /** The questionnaire's domains in its order, then any other domain a project carries. */
    static List<String> domains(Questionnaire questionnaire, Collection<Respondent> respondents) {
        Set<String> domains = new LinkedHashSet<>();
        questionnaire.domains().forEach(d -> domains.add(d.key()));
        respondents.forEach(r -> r.projects().forEach(p -> domains.add(p.domain())));
        return List.copyOf(domains);
    }

    static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
