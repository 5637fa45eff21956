package io.barometer.query.asof;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import io.barometer.events.AgreementLevel;
import io.barometer.events.CollectiviteKind;
import io.barometer.events.Governance;
import io.barometer.events.Motivation;
import io.barometer.events.ProgressStatus;
import io.barometer.events.RespondentRole;

/**
 * The questionnaires of a campaign as of an instant on one basis: what every statistic and view is
 * computed from. Built from the projection tables by {@link AsOfRepository}; the oracle test builds it
 * independently from the raw events, and both must agree.
 */
public record AsOfState(AsOfCampaign campaign, Instant asOf, Basis basis, List<Respondent> respondents) {

    /** A collectivité's profile as of the instant; null fields are unknown. */
    public record Place(String name, CollectiviteKind kind, String region, Integer population) {
    }

    public record Profile(RespondentRole role, boolean worksInDigital, String organisation) {
    }

    public record Ranking(List<Motivation> ranking, Map<Motivation, List<String>> definitions) {
    }

    /**
     * A live project (declared and not withdrawn as of the instant). {@code lastChangedAt} is the
     * effective instant of its latest change. {@code projectId}, {@code label} and {@code lastChangedAt} are
     * only loaded for a single response's view and the projects export (null in a whole campaign's state,
     * which the statistics read).
     */
    public record Project(String projectId, String domain, String catalogueItem, String label, ProgressStatus status,
                          Governance governance, Instant lastChangedAt) {
    }

    /**
     * One response that had started as of the instant. {@code changes} counts its events as of the instant,
     * {@code changesAfterClosing} those effective after the deadline; {@code version} is its highest
     * sequence number counted + 1; {@code through} the highest event position among its facts and its
     * collectivité's facts as of the instant. {@code place} is null when the collectivité was not yet
     * registered as of the instant.
     */
    public record Respondent(String collectiviteId, Instant startedAt, boolean late, Place place, Profile profile,
                             List<Project> projects, Ranking motivations, SortedMap<String, AgreementLevel> actors,
                             boolean submitted, Instant submittedAt, long changes, long changesAfterClosing,
                             long version, long through) {
    }

    /** Which respondents a statistic leaves out: named ones, and optionally the late ones as a class. */
    public record Selection(Set<String> excluded, boolean excludeLate) {
        public static final Selection ALL = new Selection(Set.of(), false);

        public boolean keeps(Respondent r) {
            return !excluded.contains(r.collectiviteId()) && !(excludeLate && r.late());
        }
    }

    public AsOfState select(Selection selection) {
        return new AsOfState(campaign, asOf, basis, respondents.stream().filter(selection::keeps).toList());
    }

    /** The highest event position the state rests on: the campaign's events and every counted fact. */
    public long eventsThrough() {
        long through = campaign.lastGlobalIndex();
        for (Respondent r : respondents) {
            through = Math.max(through, r.through());
        }
        return through;
    }
}
