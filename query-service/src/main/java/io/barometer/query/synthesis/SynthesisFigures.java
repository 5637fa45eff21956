package io.barometer.query.synthesis;

import java.util.List;
import java.util.Map;

/**
 * Every figure of DESIGN §8, each with the number of respondents it rests on. Field names are the JSON
 * contract. Shares are unrounded fractions of 0–1; a share or mean with nothing to divide by is null.
 */
public record SynthesisFigures(RespondentFigures respondents, Map<String, Long> timeliness, ProjectFigures projects,
                               GovernanceFigures governance, MotivationFigures motivations, ActorFigures actors) {

    public record RespondentFigures(int count, Map<String, Integer> byKind, Map<String, Integer> byRegion,
                                    Map<String, Integer> byPopulationBand, Map<String, Integer> byRole,
                                    WorksInDigital worksInDigital) {
    }

    /** {@code share} is over the respondents who answered the question. */
    public record WorksInDigital(int yes, int no, int notAnswered, Double share) {
    }

    public record ProjectFigures(int total, int respondents, Map<String, DomainFigures> byDomain) {
    }

    /**
     * {@code statusShare} and {@code averageProgress} are over the projects whose status is answered;
     * {@code perRespondent} over the respondents with at least one project in the domain.
     */
    public record DomainFigures(int count, Double share, int respondents, Map<String, Integer> status,
                                Map<String, Double> statusShare, Double averageProgress, PerRespondent perRespondent,
                                List<ItemCount> topCatalogueItems) {
    }

    public record PerRespondent(Integer min, Double median, Double mean, Integer max) {
    }

    /** A catalogue item and the number of respondents declaring it. */
    public record ItemCount(String item, int count) {
    }

    /**
     * Over the live projects that have some governance ({@code projects}, the report's "projets renseignés");
     * {@code withoutGovernance} counts the live projects with none.
     */
    public record GovernanceFigures(int projects, int withoutGovernance, int respondents,
                                    Map<String, GovernanceBase> byDomain, LevelFigures measure, LevelFigures means,
                                    ModeFigures managementMode, ModeFigures decisionMode, ModeFigures coordination) {
    }

    public record GovernanceBase(int projects, int withoutGovernance, int respondents) {
    }

    /**
     * A 1–4 level: distribution over the projects having a value plus NOT_ANSWERED (base projects without
     * one); {@code share} and {@code mean} over the answered values; {@code respondents} with ≥ 1 value.
     */
    public record LevelFigures(Map<String, Integer> distribution, int answered, Map<String, Double> share, Double mean,
                               int respondents, Map<String, LevelStats> byDomain) {
    }

    public record LevelStats(Map<String, Integer> distribution, int answered, Map<String, Double> share, Double mean,
                             int respondents) {
    }

    /** A mode: distribution including NOT_ANSWERED; {@code share} over the base projects (as the report). */
    public record ModeFigures(Map<String, Integer> distribution, int answered, Map<String, Double> share,
                              int respondents, Map<String, ModeStats> byDomain) {
    }

    public record ModeStats(Map<String, Integer> distribution, int answered, Map<String, Double> share,
                            int respondents) {
    }

    public record MotivationFigures(int respondents, Map<String, MotivationStats> byMotivation) {
    }

    /**
     * {@code points} sums the scores (6 − rank for five motivations), {@code meanScore} divides them by the
     * respondents who ranked; {@code rank} orders motivations by mean score (ties share a rank).
     * {@code definitions} gives, per definition, how many ranked it 1, 2, … among {@code definitionRespondents}.
     */
    public record MotivationStats(int points, Double meanScore, int rank, Map<String, Integer> rankCounts,
                                  int definitionRespondents, Map<String, Map<String, Integer>> definitions,
                                  Map<String, Double> definitionMeanRank) {
    }

    public record ActorFigures(int respondents, Map<String, StatementStats> byStatement) {
    }

    /** {@code respondents} rated this statement; {@code agreeShare} = (AGREE + STRONGLY_AGREE) / respondents. */
    public record StatementStats(int respondents, int notRated, Map<String, Integer> levels, Double agreeShare) {
    }
}
