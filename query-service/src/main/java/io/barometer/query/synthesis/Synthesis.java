package io.barometer.query.synthesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        Pass pass = new Pass(respondents, domains(questionnaire), questionnaire.measureLevelCount(),
                questionnaire.meansLevelCount());
        return new SynthesisFigures(respondents(respondents), timeliness(respondents), pass.projects(),
                pass.governance(), motivations(respondents, questionnaire), actors(respondents, questionnaire));
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

    // --- projects and governance: one pass over the projects ---------------------------------------------

    /** The project figures alone (a comparison's); the governance levels' counts play no part in them. */
    public static ProjectFigures projects(List<Respondent> respondents, List<String> domains) {
        return new Pass(respondents, domains, 4, 4).projects();
    }

    /** Counts of a 1–N level field over the projects with some governance, in one scope (a domain or all). */
    private static final class LevelAcc {
        final int[] counts;
        int answered;
        long sum;
        int respondents;
        boolean seen;

        LevelAcc(int levels) {
            counts = new int[levels + 1];
        }

        void add(Integer value) {
            if (value != null && value >= 1 && value < counts.length) {
                counts[value]++;
                answered++;
                sum += value;
                seen = true;
            }
        }

        LevelStats stats(int base) {
            Map<String, Integer> distribution = new LinkedHashMap<>();
            Map<String, Double> share = new LinkedHashMap<>();
            for (int level = 1; level < counts.length; level++) {
                distribution.put(Integer.toString(level), counts[level]);
                share.put(Integer.toString(level), share(counts[level], answered));
            }
            distribution.put(NOT_ANSWERED, base - answered);
            return new LevelStats(distribution, answered, share, answered == 0 ? null : (double) sum / answered,
                    respondents);
        }
    }

    /** Counts of a mode over the projects with some governance, in one scope. */
    private static final class ModeAcc {
        final Enum<?>[] values;
        final int[] counts;
        int answered;
        int respondents;
        boolean seen;

        ModeAcc(Enum<?>[] values) {
            this.values = values;
            counts = new int[values.length];
        }

        void add(Enum<?> value) {
            if (value != null) {
                counts[value.ordinal()]++;
                answered++;
                seen = true;
            }
        }

        ModeStats stats(int base) {
            Map<String, Integer> distribution = new LinkedHashMap<>();
            for (Enum<?> value : values) {
                distribution.put(value.name(), counts[value.ordinal()]);
            }
            distribution.put(NOT_ANSWERED, base - answered);
            Map<String, Double> share = new LinkedHashMap<>();
            distribution.forEach((key, count) -> share.put(key, share(count, base)));
            return new ModeStats(distribution, answered, share, respondents);
        }
    }

    /** Governance of one scope: its base (projects with some governance) and each field. */
    private static final class GovernanceAcc {
        int with;
        int without;
        int respondents;
        boolean seen;
        final LevelAcc measure;
        final LevelAcc means;
        final ModeAcc management = new ModeAcc(ManagementMode.values());
        final ModeAcc decision = new ModeAcc(DecisionMode.values());
        final ModeAcc coordination = new ModeAcc(CoordinationMode.values());

        GovernanceAcc(int measureLevels, int meansLevels) {
            measure = new LevelAcc(measureLevels);
            means = new LevelAcc(meansLevels);
        }

        void add(Governance g) {
            if (!hasGovernance(g)) {
                without++;
                return;
            }
            with++;
            seen = true;
            measure.add(g.measure());
            means.add(g.means());
            management.add(g.managementMode());
            decision.add(g.decisionMode());
            coordination.add(g.coordination());
        }

        /** At the end of a respondent: count it where it gave something, and start afresh. */
        void endRespondent() {
            respondents += seen ? 1 : 0;
            seen = false;
            for (LevelAcc a : new LevelAcc[] {measure, means}) {
                a.respondents += a.seen ? 1 : 0;
                a.seen = false;
            }
            for (ModeAcc a : new ModeAcc[] {management, decision, coordination}) {
                a.respondents += a.seen ? 1 : 0;
                a.seen = false;
            }
        }
    }

    /** Everything one domain needs; counts of the respondent being read are kept apart until its end. */
    private static final class DomainAcc {
        final String domain;
        int count;
        final int[] status = new int[ProgressStatus.values().length + 1];
        int answered;
        int scoreSum;
        int current;
        final List<Integer> perRespondent = new ArrayList<>();
        /** Catalogue item → {respondents declaring it, index of the last respondent counted}. */
        final Map<String, int[]> items = new HashMap<>();
        final GovernanceAcc governance;

        DomainAcc(String domain, int measureLevels, int meansLevels) {
            this.domain = domain;
            governance = new GovernanceAcc(measureLevels, meansLevels);
        }

        void add(Project p, int respondent) {
            count++;
            current++;
            if (p.status() == null) {
                status[status.length - 1]++;
            } else {
                status[p.status().ordinal()]++;
                answered++;
                scoreSum += p.status().score();
            }
            if (p.catalogueItem() != null) {
                int[] item = items.computeIfAbsent(p.catalogueItem(), k -> new int[] {0, -1});
                if (item[1] != respondent) {
                    item[0]++;
                    item[1] = respondent;
                }
            }
            governance.add(p.governance());
        }

        void endRespondent() {
            if (current > 0) {
                perRespondent.add(current);
            }
            current = 0;
            governance.endRespondent();
        }

        DomainFigures figures(int total) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, Double> shares = new LinkedHashMap<>();
            for (ProgressStatus s : ProgressStatus.values()) {
                counts.put(s.name(), status[s.ordinal()]);
                shares.put(s.name(), share(status[s.ordinal()], answered));
            }
            counts.put(NOT_ANSWERED, status[status.length - 1]);
            List<ItemCount> top = items.entrySet().stream()
                    .map(e -> new ItemCount(e.getKey(), e.getValue()[0]))
                    .sorted(Comparator.comparingInt(ItemCount::count).reversed().thenComparing(ItemCount::item))
                    .toList();
            return new DomainFigures(count, share(count, total), perRespondent.size(), counts, shares,
                    answered == 0 ? null : (double) scoreSum / answered, perRespondent(perRespondent), top);
        }
    }

    /** One pass over every project of every respondent, feeding its domain's and the overall accumulators. */
    private static final class Pass {
        final Map<String, DomainAcc> domains = new LinkedHashMap<>();
        final GovernanceAcc overall;
        int total;
        int withProjects;

        Pass(List<Respondent> respondents, List<String> domainOrder, int measureLevels, int meansLevels) {
            overall = new GovernanceAcc(measureLevels, meansLevels);
            for (String d : domainOrder) {
                domains.put(d, new DomainAcc(d, measureLevels, meansLevels));
            }
            int index = 0;
            for (Respondent r : respondents) {
                for (Project p : r.projects()) {
                    domains.computeIfAbsent(p.domain(), d -> new DomainAcc(d, measureLevels, meansLevels)).add(p, index);
                    overall.add(p.governance());
                }
                total += r.projects().size();
                withProjects += r.projects().isEmpty() ? 0 : 1;
                domains.values().forEach(DomainAcc::endRespondent);
                overall.endRespondent();
                index++;
            }
        }

        ProjectFigures projects() {
            Map<String, DomainFigures> byDomain = new LinkedHashMap<>();
            domains.forEach((d, acc) -> byDomain.put(d, acc.figures(total)));
            return new ProjectFigures(total, withProjects, byDomain);
        }

        GovernanceFigures governance() {
            Map<String, GovernanceBase> bases = new LinkedHashMap<>();
            Map<String, LevelStats> measure = new LinkedHashMap<>();
            Map<String, LevelStats> means = new LinkedHashMap<>();
            Map<String, ModeStats> management = new LinkedHashMap<>();
            Map<String, ModeStats> decision = new LinkedHashMap<>();
            Map<String, ModeStats> coordination = new LinkedHashMap<>();
            domains.forEach((d, acc) -> {
                GovernanceAcc g = acc.governance;
                bases.put(d, new GovernanceBase(g.with, g.without, g.respondents));
                measure.put(d, g.measure.stats(g.with));
                means.put(d, g.means.stats(g.with));
                management.put(d, g.management.stats(g.with));
                decision.put(d, g.decision.stats(g.with));
                coordination.put(d, g.coordination.stats(g.with));
            });
            GovernanceAcc g = overall;
            return new GovernanceFigures(g.with, g.without, g.respondents, bases,
                    level(g.measure.stats(g.with), measure), level(g.means.stats(g.with), means),
                    mode(g.management.stats(g.with), management), mode(g.decision.stats(g.with), decision),
                    mode(g.coordination.stats(g.with), coordination));
        }

        private static LevelFigures level(LevelStats all, Map<String, LevelStats> byDomain) {
            return new LevelFigures(all.distribution(), all.answered(), all.share(), all.mean(), all.respondents(),
                    byDomain);
        }

        private static ModeFigures mode(ModeStats all, Map<String, ModeStats> byDomain) {
            return new ModeFigures(all.distribution(), all.answered(), all.share(), all.respondents(), byDomain);
        }
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

    static boolean hasGovernance(Governance g) {
        return g != null && (g.measure() != null || g.means() != null || g.managementMode() != null
                || g.decisionMode() != null || g.coordination() != null);
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

    /** The questionnaire's domains in its order; a domain only projects carry comes after them. */
    static List<String> domains(Questionnaire questionnaire) {
        return questionnaire.domains().stream().map(Questionnaire.Domain::key).toList();
    }

    static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
