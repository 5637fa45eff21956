package io.barometer.query.response;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.barometer.events.Governance;
import io.barometer.events.Motivation;
import io.barometer.query.asof.AsOfState;
import io.barometer.query.asof.Basis;
import io.barometer.query.asof.Timeliness;
import io.barometer.query.completeness.Completeness;

/**
 * One collectivité's questionnaire as of a cut-off (DESIGN §8 response view). {@code timeliness} of the
 * response is LATE_SUBMISSION when it started after the deadline, POST_DEADLINE_EDIT when any counted
 * change came after it, else ON_TIME; a project's is that of its latest change. Unanswered sections are null.
 */
public record ResponseView(String campaign, String collectivite, Instant asOf, String basis, long version,
                           Instant started, boolean submitted, Instant submittedAt, String timeliness,
                           Instant closesAt, CollectiviteProfile collectiviteProfile, Profile profile,
                           List<Project> projects, Motivations motivations, Map<String, String> actors,
                           Completeness projection) {

    /** The collectivité as registered or corrected as of the cut-off; null fields are unknown. */
    public record CollectiviteProfile(String name, String kind, String region, Integer population) {
    }

    public record Profile(String role, boolean worksInDigital, String organisation) {
    }

    public record Project(String project, String domain, String catalogueItem, String label, String status,
                          GovernanceView governance, String timeliness, Instant lastChangedAt) {
    }

    public record GovernanceView(Integer measure, Integer means, String managementMode, String decisionMode,
                                 String coordination) {
        static GovernanceView of(Governance g) {
            return new GovernanceView(g.measure(), g.means(), name(g.managementMode()), name(g.decisionMode()),
                    name(g.coordination()));
        }
    }

    public record Motivations(List<String> ranking, Map<String, List<String>> definitions) {
    }

    static ResponseView of(String campaign, Instant asOf, Basis basis, Instant closesAt, AsOfState.Respondent r,
                           Completeness projection) {
        Timeliness overall = r.late() ? Timeliness.LATE_SUBMISSION
                : r.changesAfterClosing() > 0 ? Timeliness.POST_DEADLINE_EDIT : Timeliness.ON_TIME;
        List<Project> projects = r.projects().stream().map(p -> new Project(p.projectId(), p.domain(),
                p.catalogueItem(), p.label(), name(p.status()), GovernanceView.of(p.governance()),
                Timeliness.of(r.startedAt(), p.lastChangedAt(), closesAt).name(), p.lastChangedAt())).toList();
        Motivations motivations = null;
        if (r.motivations() != null) {
            Map<String, List<String>> definitions = new LinkedHashMap<>();
            r.motivations().definitions().forEach((m, keys) -> definitions.put(m.name(), keys));
            motivations = new Motivations(r.motivations().ranking().stream().map(Motivation::name).toList(), definitions);
        }
        Map<String, String> actors = new LinkedHashMap<>();
        r.actors().forEach((statement, level) -> actors.put(statement, level.name()));
        return new ResponseView(campaign, r.collectiviteId(), asOf, basis.key(), r.version(), r.startedAt(),
                r.submitted(), r.submittedAt(), overall.name(), closesAt,
                r.place() == null ? null : new CollectiviteProfile(r.place().name(), name(r.place().kind()),
                        r.place().region(), r.place().population()),
                r.profile() == null ? null : new Profile(r.profile().role().name(), r.profile().worksInDigital(),
                        r.profile().organisation()),
                projects, motivations, actors, projection);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
