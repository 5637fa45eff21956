package io.barometer.query.synthesis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.barometer.query.completeness.Completeness;
import io.barometer.query.synthesis.SynthesisFigures.ActorFigures;
import io.barometer.query.synthesis.SynthesisFigures.GovernanceFigures;
import io.barometer.query.synthesis.SynthesisFigures.MotivationFigures;
import io.barometer.query.synthesis.SynthesisFigures.ProjectFigures;
import io.barometer.query.synthesis.SynthesisFigures.RespondentFigures;

/**
 * GET /api/campaigns/{c}/synthesis: what the figures rest on (cut-off, basis, highest event position,
 * fingerprint, how complete the projection was, exclusions), then the figures themselves. The fingerprint of a
 * view computed before the projection had caught up is marked provisional: the same parameters may give other
 * figures a moment later.
 */
public record SynthesisView(String campaign, Instant asOf, String basis, Instant closesAt, long eventsThrough,
                            String fingerprint, Completeness projection, List<String> excluded, String lateRespondents,
                            RespondentFigures respondents, Map<String, Long> timeliness, ProjectFigures projects,
                            GovernanceFigures governance, MotivationFigures motivations, ActorFigures actors) {

    static SynthesisView of(io.barometer.query.asof.AsOfState state, List<String> excluded, boolean excludeLate,
                            SynthesisFigures figures, Completeness projection) {
        return new SynthesisView(state.campaign().id(), state.asOf(), state.basis().key(), state.campaign().closesAt(),
                state.eventsThrough(), projection.fingerprint(Fingerprint.of(figures)), projection, excluded, excludeLate ? "exclude" : "include",
                figures.respondents(), figures.timeliness(), figures.projects(), figures.governance(),
                figures.motivations(), figures.actors());
    }
}
