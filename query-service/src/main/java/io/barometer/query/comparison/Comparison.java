package io.barometer.query.comparison;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.barometer.events.ProgressStatus;
import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.query.asof.AsOfState;
import io.barometer.query.completeness.Completeness;
import io.barometer.query.synthesis.Synthesis;
import io.barometer.query.synthesis.SynthesisFigures;

/**
 * Two editions side by side (DESIGN §8 comparison): per domain count, share of all projects, share done
 * and average progress in each and their difference; motivation mean scores and ranks; the top three
 * domains. A domain that one edition's questionnaire lacks is reported as absent there, not as zero.
 * Pure, so that it can be checked on small hand-computed editions.
 */
public final class Comparison {

    public record Side(String campaign, Instant asOf, int respondents, int projectRespondents, int projects) {
    }

    /** One edition's figures for a domain; {@code absent} when its questionnaire has no such domain. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DomainSide(Boolean absent, Integer count, Double share, Double doneShare, Double averageProgress) {
        static final DomainSide ABSENT = new DomainSide(true, null, null, null, null);
    }

    public record DomainComparison(DomainSide base, DomainSide target, DomainSide delta) {
    }

    public record MotivationSide(Double meanScore, Integer rank) {
    }

    public record MotivationComparison(MotivationSide base, MotivationSide target, MotivationSide delta) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(Side base, Side target, boolean panel, Integer panelRespondents, List<String> excluded,
                       Map<String, DomainComparison> byDomain, Map<String, MotivationComparison> motivations,
                       Map<String, List<String>> topDomains, Completeness projection) {

        /** The same figures, stating how complete the projection they come from was. */
        public View with(Completeness state) {
            return new View(base, target, panel, panelRespondents, excluded, byDomain, motivations, topDomains, state);
        }
    }

    private Comparison() {
    }

    public static View compare(AsOfState base, Questionnaire baseQuestionnaire, AsOfState target,
                               Questionnaire targetQuestionnaire, boolean panel, List<String> excluded) {
        List<String> baseDomains = keys(baseQuestionnaire);
        List<String> targetDomains = keys(targetQuestionnaire);
        SynthesisFigures.ProjectFigures bp = Synthesis.projects(base.respondents(), baseDomains);
        SynthesisFigures.ProjectFigures tp = Synthesis.projects(target.respondents(), targetDomains);

        Map<String, DomainComparison> byDomain = new LinkedHashMap<>();
        List<String> all = new java.util.ArrayList<>(targetDomains);
        baseDomains.stream().filter(d -> !all.contains(d)).forEach(all::add);
        for (String domain : all) {
            DomainSide b = baseDomains.contains(domain) ? side(bp.byDomain().get(domain)) : DomainSide.ABSENT;
            DomainSide t = targetDomains.contains(domain) ? side(tp.byDomain().get(domain)) : DomainSide.ABSENT;
            byDomain.put(domain, new DomainComparison(b, t, delta(b, t)));
        }

        SynthesisFigures.MotivationFigures bm = Synthesis.motivations(base.respondents(), baseQuestionnaire);
        SynthesisFigures.MotivationFigures tm = Synthesis.motivations(target.respondents(), targetQuestionnaire);
        Map<String, MotivationComparison> motivations = new LinkedHashMap<>();
        for (String motivation : tm.byMotivation().keySet()) {
            MotivationSide b = motivation(bm.byMotivation().get(motivation));
            MotivationSide t = motivation(tm.byMotivation().get(motivation));
            motivations.put(motivation, new MotivationComparison(b, t, new MotivationSide(minus(t.meanScore(), b.meanScore()),
                    b.rank() == null || t.rank() == null ? null : t.rank() - b.rank())));
        }

        Map<String, List<String>> top = new LinkedHashMap<>();
        top.put("base", topThree(bp));
        top.put("target", topThree(tp));
        Integer panelSize = panel ? target.respondents().size() : null;
        return new View(new Side(base.campaign().id(), base.asOf(), base.respondents().size(), bp.respondents(), bp.total()),
                new Side(target.campaign().id(), target.asOf(), target.respondents().size(), tp.respondents(), tp.total()),
                panel, panelSize, excluded, byDomain, motivations, top, null);
    }

    /** Keeps, on both sides, only the respondents present in both editions. */
    public static AsOfState[] panel(AsOfState base, AsOfState target) {
        var baseIds = base.respondents().stream().map(AsOfState.Respondent::collectiviteId).collect(java.util.stream.Collectors.toSet());
        var targetIds = target.respondents().stream().map(AsOfState.Respondent::collectiviteId).collect(java.util.stream.Collectors.toSet());
        return new AsOfState[] {
            new AsOfState(base.campaign(), base.asOf(), base.basis(),
                    base.respondents().stream().filter(r -> targetIds.contains(r.collectiviteId())).toList()),
            new AsOfState(target.campaign(), target.asOf(), target.basis(),
                    target.respondents().stream().filter(r -> baseIds.contains(r.collectiviteId())).toList())};
    }

    private static DomainSide side(SynthesisFigures.DomainFigures d) {
        return new DomainSide(null, d.count(), d.share(), d.statusShare().get(ProgressStatus.DONE.name()),
                d.averageProgress());
    }

    private static DomainSide delta(DomainSide b, DomainSide t) {
        if (Boolean.TRUE.equals(b.absent()) || Boolean.TRUE.equals(t.absent())) {
            return null;
        }
        return new DomainSide(null, t.count() - b.count(), minus(t.share(), b.share()), minus(t.doneShare(), b.doneShare()),
                minus(t.averageProgress(), b.averageProgress()));
    }

    private static MotivationSide motivation(SynthesisFigures.MotivationStats m) {
        return m == null || m.meanScore() == null ? new MotivationSide(null, null) : new MotivationSide(m.meanScore(), m.rank());
    }

    private static List<String> topThree(SynthesisFigures.ProjectFigures p) {
        return p.byDomain().entrySet().stream()
                .filter(e -> e.getValue().count() > 0)
                .sorted(Comparator.<Map.Entry<String, SynthesisFigures.DomainFigures>>comparingInt(e -> e.getValue().count())
                        .reversed().thenComparing(Map.Entry::getKey))
                .limit(3).map(Map.Entry::getKey).toList();
    }

    private static List<String> keys(Questionnaire q) {
        return q.domains().stream().map(Questionnaire.Domain::key).toList();
    }

    private static Double minus(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }
}
