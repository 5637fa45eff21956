package io.barometer.command.campaign;

import java.time.Instant;
import java.util.Map;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.barometer.command.rules.DomainException;
import io.barometer.command.rules.Outcome;
import io.barometer.events.CampaignDeadlineMoved;
import io.barometer.events.CampaignOpened;
import io.barometer.events.MetadataKeys;

/** One fixture test per rule of the Campaign aggregate. */
class CampaignTest {

    static final String ID = "bvn-2014";
    static final Instant OPENS = Instant.parse("2013-11-30T23:00:00Z");
    static final Instant CLOSES = Instant.parse("2014-03-15T22:59:59Z");
    static final CampaignOpened OPENED = new CampaignOpened(ID, 2014, "Baromètre 2014", OPENS, CLOSES, "bvn-2014");

    AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    static OpenCampaign open(String id, Integer year, String title, Instant opensAt, Instant closesAt, String questionnaire) {
        return new OpenCampaign(id, year, title, opensAt, closesAt, questionnaire);
    }

    static OpenCampaign open2014() {
        return open(ID, 2014, "Baromètre 2014", OPENS, CLOSES, "bvn-2014");
    }

    static void expectRefused(ResultValidator<Campaign> result, DomainException.Kind kind, String field) {
        result.expectException(new TypeSafeMatcher<DomainException>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.kind() == kind && field.equals(e.field());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a " + kind + " DomainException on field " + field);
            }
        }).expectNoEvents();
    }

    @Test
    void openingACampaignAppliesItsSettings() {
        fixture.givenNoPriorActivity()
                .when(open2014())
                .expectEvents(OPENED)
                .expectResultMessagePayload(new Outcome(1, true));
    }

    @Test
    void openingTheSameCampaignTwiceChangesNothing() {
        fixture.given(OPENED)
                .when(open2014())
                .expectNoEvents()
                .expectResultMessagePayload(new Outcome(1, false));
    }

    @Test
    void openingAnOpenCampaignWithOtherSettingsIsAConflict() {
        expectRefused(fixture.given(OPENED).when(open(ID, 2014, "Autre titre", OPENS, CLOSES, "bvn-2014")),
                DomainException.Kind.CONFLICT, "campaign");
    }

    @Test
    void openingItAgainAfterTheDeadlineMovedChangesNothing() {
        // The original opening line of a log, imported again after a deadline move, is the same opening.
        fixture.given(OPENED, new CampaignDeadlineMoved(ID, CLOSES.plusSeconds(86400)))
                .when(open2014())
                .expectNoEvents();
    }

    @Test
    void closesAtMustBeAfterOpensAt() {
        expectRefused(fixture.givenNoPriorActivity().when(open(ID, 2014, "B", CLOSES, OPENS, "bvn-2014")),
                DomainException.Kind.INVALID, "closesAt");
    }

    @Test
    void closesAtEqualToOpensAtIsRejected() {
        expectRefused(fixture.givenNoPriorActivity().when(open(ID, 2014, "B", OPENS, OPENS, "bvn-2014")),
                DomainException.Kind.INVALID, "closesAt");
    }

    @Test
    void opensAtIsRequired() {
        expectRefused(fixture.givenNoPriorActivity().when(open(ID, 2014, "B", null, CLOSES, "bvn-2014")),
                DomainException.Kind.INVALID, "opensAt");
    }

    @Test
    void unknownQuestionnaireIsRejected() {
        expectRefused(fixture.givenNoPriorActivity().when(open(ID, 2014, "B", OPENS, CLOSES, "bvn-1999")),
                DomainException.Kind.INVALID, "questionnaire");
    }

    @Test
    void campaignIdMustBeASlug() {
        expectRefused(fixture.givenNoPriorActivity().when(open("BVN 2014!", 2014, "B", OPENS, CLOSES, "bvn-2014")),
                DomainException.Kind.INVALID, "campaign");
    }

    @Test
    void yearOutOfRangeIsRejected() {
        expectRefused(fixture.givenNoPriorActivity().when(open(ID, 14, "B", OPENS, CLOSES, "bvn-2014")),
                DomainException.Kind.INVALID, "year");
    }

    @Test
    void aTitleIsRequired() {
        expectRefused(fixture.givenNoPriorActivity().when(open(ID, 2014, " ", OPENS, CLOSES, "bvn-2014")),
                DomainException.Kind.INVALID, "title");
    }

    @Test
    void movingTheDeadlineAppliesTheNewClosing() {
        Instant later = Instant.parse("2014-04-30T21:59:59Z");
        fixture.given(OPENED)
                .when(new MoveDeadline(ID, later))
                .expectEvents(new CampaignDeadlineMoved(ID, later))
                .expectResultMessagePayload(new Outcome(2, true));
    }

    @Test
    void movingTheDeadlineEarlierIsAccepted() {
        Instant earlier = Instant.parse("2014-02-28T22:59:59Z");
        fixture.given(OPENED)
                .when(new MoveDeadline(ID, earlier))
                .expectEvents(new CampaignDeadlineMoved(ID, earlier));
    }

    @Test
    void movingTheDeadlineToTheCurrentClosingChangesNothing() {
        fixture.given(OPENED)
                .when(new MoveDeadline(ID, CLOSES))
                .expectNoEvents()
                .expectResultMessagePayload(new Outcome(1, false));
    }

    @Test
    void movingTheDeadlineBackToTheFirstClosingAppliesIt() {
        fixture.given(OPENED, new CampaignDeadlineMoved(ID, CLOSES.plusSeconds(3600)))
                .when(new MoveDeadline(ID, CLOSES))
                .expectEvents(new CampaignDeadlineMoved(ID, CLOSES));
    }

    @Test
    void deadlineCannotMoveBeforeTheCampaignOpens() {
        expectRefused(fixture.given(OPENED).when(new MoveDeadline(ID, OPENS.minusSeconds(1))),
                DomainException.Kind.INVALID, "closesAt");
    }

    @Test
    void reImportedDeadlineMoveIsSkipped() {
        Instant moved = CLOSES.plusSeconds(7 * 86400);
        Map<String, Object> line = Map.of(MetadataKeys.IMPORT_KEY, "line-40", MetadataKeys.SOURCE, "import");
        fixture.given(OPENED, GenericEventMessage.asEventMessage(new CampaignDeadlineMoved(ID, moved)).andMetaData(line),
                        new CampaignDeadlineMoved(ID, CLOSES))
                .when(new MoveDeadline(ID, moved), line)
                .expectNoEvents();
    }
}
