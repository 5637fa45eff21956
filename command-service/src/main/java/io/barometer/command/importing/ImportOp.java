package io.barometer.command.importing;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The op of one line of an answer log (DESIGN §7), chosen by its {@code op} field: each record carries its own
 * fields, marks those every line of that op must give ({@link Required}), and makes the command it stands for;
 * those only an admin performs are {@link AdminOp}s. What every line carries besides (who, when, on whose
 * behalf, why) is its {@link LineHeader}. Adding an op is adding its record and naming it below.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = OpenCampaignLine.class, name = "openCampaign"),
        @JsonSubTypes.Type(value = MoveDeadlineLine.class, name = "moveDeadline"),
        @JsonSubTypes.Type(value = RegisterCollectiviteLine.class, name = "registerCollectivite"),
        @JsonSubTypes.Type(value = CorrectCollectiviteLine.class, name = "correctCollectivite"),
        @JsonSubTypes.Type(value = StartResponseLine.class, name = "startResponse"),
        @JsonSubTypes.Type(value = AnswerProfileLine.class, name = "answerProfile"),
        @JsonSubTypes.Type(value = DeclareProjectLine.class, name = "declareProject"),
        @JsonSubTypes.Type(value = UpdateProgressLine.class, name = "updateProgress"),
        @JsonSubTypes.Type(value = ScoreGovernanceLine.class, name = "scoreGovernance"),
        @JsonSubTypes.Type(value = WithdrawProjectLine.class, name = "withdrawProject"),
        @JsonSubTypes.Type(value = RankMotivationsLine.class, name = "rankMotivations"),
        @JsonSubTypes.Type(value = RateActorStatementLine.class, name = "rateActorStatement"),
        @JsonSubTypes.Type(value = SubmitResponseLine.class, name = "submitResponse"),
        @JsonSubTypes.Type(value = ReopenResponseLine.class, name = "reopenResponse")})
public sealed interface ImportOp permits OpenCampaignLine, MoveDeadlineLine, RegisterCollectiviteLine,
        CorrectCollectiviteLine, ResponseLine {

    /**
     * The command the line stands for. {@code given} names the fields the line carries, for an op whose meaning
     * depends on which are present.
     */
    Object command(LineHeader header, Set<String> given);

    /** The collectivité the line writes, which an entry on its behalf must name; none for a campaign's ops. */
    default String collectivite() {
        return null;
    }
}
