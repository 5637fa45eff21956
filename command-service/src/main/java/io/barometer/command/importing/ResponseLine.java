package io.barometer.command.importing;

import io.barometer.command.response.Response;

/** An op on one collectivité's response to one campaign, which both name. */
public sealed interface ResponseLine extends ImportOp permits StartResponseLine, AnswerProfileLine,
        DeclareProjectLine, UpdateProgressLine, ScoreGovernanceLine, WithdrawProjectLine, RankMotivationsLine,
        RateActorStatementLine, SubmitResponseLine, ReopenResponseLine {

    String campaign();

    @Override
    String collectivite();

    default String responseId() {
        return Response.id(campaign(), collectivite());
    }
}
