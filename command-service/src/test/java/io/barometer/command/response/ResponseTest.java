package io.barometer.command.response;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.barometer.command.campaign.CampaignDirectory;
import io.barometer.command.collectivite.CollectiviteDirectory;
import io.barometer.command.rules.DomainException;
import io.barometer.command.rules.Outcome;
import io.barometer.events.ActorStatementRated;
import io.barometer.events.AgreementLevel;
import io.barometer.events.CoordinationMode;
import io.barometer.events.DecisionMode;
import io.barometer.events.Governance;
import io.barometer.events.GovernanceScored;
import io.barometer.events.ManagementMode;
import io.barometer.events.MetadataKeys;
import io.barometer.events.Motivation;
import io.barometer.events.MotivationsRanked;
import io.barometer.events.ProgressStatus;
import io.barometer.events.ProgressUpdated;
import io.barometer.events.ProjectDeclared;
import io.barometer.events.ProjectWithdrawn;
import io.barometer.events.RespondentProfileAnswered;
import io.barometer.events.RespondentRole;
import io.barometer.events.ResponseReopened;
import io.barometer.events.ResponseStarted;
import io.barometer.events.ResponseSubmitted;

/** One fixture test per rule of the Response aggregate (issue 2, item 5). */
class ResponseTest {

    static final String CAMPAIGN = "bvn-2014";
    static final String COLLECTIVITE = "vannes";
    static final String ID = Response.id(CAMPAIGN, COLLECTIVITE);
    static final String P1 = "6f1c1d2e-8b0a-4c7e-9a55-0d3c2b1a0f01";
    static final String P2 = "6f1c1d2e-8b0a-4c7e-9a55-0d3c2b1a0f02";
    static final Instant STARTED = Instant.parse("2014-01-10T09:00:00Z");
    static final Instant CLOSES_2014 = Instant.parse("2014-03-15T22:59:59Z");

    static final List<Motivation> RANKING = List.of(Motivation.SERVICE_QUALITY, Motivation.ATTRACTIVENESS,
            Motivation.SUSTAINABLE_DEVELOPMENT, Motivation.EXEMPLARITY, Motivation.BUDGET_EFFICIENCY);

    /** Test double of the campaign lookup: the campaigns this test knows and their questionnaire. */
    static final class KnownCampaigns extends CampaignDirectory {
        private final Map<String, String> questionnaires;

        KnownCampaigns(Map<String, String> questionnaires) {
            super(null);
            this.questionnaires = questionnaires;
        }

        @Override
        public Optional<String> questionnaireOf(String campaignId) {
            return Optional.ofNullable(questionnaires.get(campaignId));
        }
    }

    /** Test double of the collectivité lookup. */
    static final class KnownCollectivites extends CollectiviteDirectory {
        private final Set<String> ids;

        KnownCollectivites(Set<String> ids) {
            super(null);
            this.ids = ids;
        }

        @Override
        public boolean exists(String collectiviteId) {
            return ids.contains(collectiviteId);
        }
    }

    AggregateTestFixture<Response> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Response.class);
        fixture.registerInjectableResource(new KnownCampaigns(Map.of("bvn-2013", "bvn-2013", "bvn-2014", "bvn-2014")));
        fixture.registerInjectableResource(new KnownCollectivites(Set.of("vannes", "caen")));
    }

    // ---- helpers -------------------------------------------------------------------------------

    static Map<String, Object> effective(Instant at) {
        return Map.of(MetadataKeys.EFFECTIVE_AT, at.toString());
    }

    static Map<String, Object> imported(String key, Instant at) {
        Map<String, Object> m = new HashMap<>(effective(at));
        m.put(MetadataKeys.SOURCE, MetadataKeys.SOURCE_IMPORT);
        m.put(MetadataKeys.IMPORT_KEY, key);
        return m;
    }

    static Message<?> event(Object payload, Map<String, Object> metaData) {
        return GenericEventMessage.asEventMessage(payload).andMetaData(metaData);
    }

    static Message<?> started(String questionnaire) {
        String campaign = questionnaire;
        return event(new ResponseStarted(Response.id(campaign, COLLECTIVITE), campaign, COLLECTIVITE, questionnaire),
                effective(STARTED));
    }

    static Message<?> started() {
        return started("bvn-2014");
    }

    static ProjectDeclared declared(String project, ProgressStatus status) {
        return new ProjectDeclared(ID, CAMPAIGN, COLLECTIVITE, project, "education", "digital_equipment_in_schools",
                null, status, Governance.NONE);
    }

    static Message<?> declaredAt(String project, Instant at) {
        return event(declared(project, ProgressStatus.STUDY), effective(at));
    }

    static DeclareProject declare(String project, String domain, String catalogueItem, String label,
                                  ProgressStatus status, Governance governance) {
        return new DeclareProject(ID, null, project, domain, catalogueItem, label, status, governance);
    }

    static DeclareProject declareEducation(String project, ProgressStatus status) {
        return declare(project, "education", "digital_equipment_in_schools", null, status, null);
    }

    static Matcher<?> refused(DomainException.Kind kind, String field) {
        return new TypeSafeMatcher<DomainException>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.kind() == kind && field.equals(e.field());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a " + kind + " DomainException on field " + field);
            }
        };
    }

    static void expectRefused(ResultValidator<Response> result, DomainException.Kind kind, String field) {
        result.expectException(refused(kind, field)).expectNoEvents();
    }

    // ---- starting ------------------------------------------------------------------------------

    @Nested
    class Starting {

        @Test
        void startingRecordsTheQuestionnaireOfTheCampaign() {
            fixture.givenNoPriorActivity()
                    .when(new StartResponse(ID, null, CAMPAIGN, COLLECTIVITE))
                    .expectEvents(new ResponseStarted(ID, CAMPAIGN, COLLECTIVITE, "bvn-2014"))
                    .expectResultMessagePayload(new Outcome(1, true));
        }

        @Test
        void startingTwiceChangesNothing() {
            fixture.given(started())
                    .when(new StartResponse(ID, null, CAMPAIGN, COLLECTIVITE))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Outcome(1, false));
        }

        @Test
        void startingInAnUnknownCampaignIsRejected() {
            String id = Response.id("bvn-1999", COLLECTIVITE);
            expectRefused(fixture.givenNoPriorActivity().when(new StartResponse(id, null, "bvn-1999", COLLECTIVITE)),
                    DomainException.Kind.NOT_FOUND, "campaign");
        }

        @Test
        void startingForAnUnknownCollectiviteIsRejected() {
            String id = Response.id(CAMPAIGN, "atlantis");
            expectRefused(fixture.givenNoPriorActivity().when(new StartResponse(id, null, CAMPAIGN, "atlantis")),
                    DomainException.Kind.NOT_FOUND, "collectivite");
        }

        @Test
        void answerCannotTakeEffectBeforeTheResponseStarted() {
            expectRefused(fixture.given(started())
                    .when(new AnswerProfile(ID, null, RespondentRole.ADMIN_STAFF, true, null),
                            effective(STARTED.minusSeconds(1))),
                    DomainException.Kind.INVALID, "X-Effective-At");
        }

        @Test
        void anImportedAnswerBeforeTheStartNamesTheAtField() {
            expectRefused(fixture.given(started())
                    .when(new AnswerProfile(ID, null, RespondentRole.ADMIN_STAFF, true, null),
                            imported("k1", STARTED.minusSeconds(60))),
                    DomainException.Kind.INVALID, "at");
        }
    }

    // ---- profile -------------------------------------------------------------------------------

    @Nested
    class Profile {

        @Test
        void answeringTheProfileAppliesIt() {
            fixture.given(started())
                    .when(new AnswerProfile(ID, null, RespondentRole.ELECTED, false, "DSI mutualisée"))
                    .expectEvents(new RespondentProfileAnswered(ID, CAMPAIGN, COLLECTIVITE, RespondentRole.ELECTED,
                            false, "DSI mutualisée"))
                    .expectResultMessagePayload(new Outcome(2, true));
        }

        @Test
        void answeringTheSameProfileAgainAppliesNothing() {
            fixture.given(started(), event(new RespondentProfileAnswered(ID, CAMPAIGN, COLLECTIVITE,
                            RespondentRole.ELECTED, false, null), effective(STARTED)))
                    .when(new AnswerProfile(ID, null, RespondentRole.ELECTED, false, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Outcome(2, false));
        }

        @Test
        void theProfileNeedsARole() {
            expectRefused(fixture.given(started()).when(new AnswerProfile(ID, null, null, true, null)),
                    DomainException.Kind.INVALID, "role");
        }

        @Test
        void theProfileNeedsWorksInDigital() {
            expectRefused(fixture.given(started()).when(new AnswerProfile(ID, null, RespondentRole.ELECTED, null, null)),
                    DomainException.Kind.INVALID, "worksInDigital");
        }

        @Test
        void anOverlongOrganisationIsRejected() {
            expectRefused(fixture.given(started())
                            .when(new AnswerProfile(ID, null, RespondentRole.ELECTED, true, "x".repeat(501))),
                    DomainException.Kind.INVALID, "organisation");
        }
    }

    // ---- projects ------------------------------------------------------------------------------

    @Nested
    class Declaring {

        @Test
        void declaringAProjectAppliesItWithAnEmptyGovernance() {
            fixture.given(started())
                    .when(declareEducation(P1, ProgressStatus.STUDY))
                    .expectEvents(declared(P1, ProgressStatus.STUDY))
                    .expectResultMessagePayload(new Outcome(2, true));
        }

        @Test
        void declaringAProjectWithoutStatusLeavesItUnanswered() {
            fixture.given(started())
                    .when(declare(P1, "security", null, "Vidéoprotection du centre", null, null))
                    .expectEvents(new ProjectDeclared(ID, CAMPAIGN, COLLECTIVITE, P1, "security", null,
                            "Vidéoprotection du centre", null, Governance.NONE));
        }

        @Test
        void declaringTheSameProjectTwiceChangesNothing() {
            fixture.given(started(), declaredAt(P1, STARTED))
                    .when(declareEducation(P1, ProgressStatus.STUDY))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Outcome(2, false));
        }

        @Test
        void retryingADeclarationAfterItsProgressMovedStillChangesNothing() {
            fixture.given(started(), declaredAt(P1, STARTED),
                            new ProgressUpdated(ID, CAMPAIGN, COLLECTIVITE, P1, ProgressStatus.DONE))
                    .when(declareEducation(P1, ProgressStatus.STUDY))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Outcome(3, false));
        }

        @Test
        void declaringTheSameProjectWithOtherContentIsAConflict() {
            expectRefused(fixture.given(started(), declaredAt(P1, STARTED))
                            .when(declareEducation(P1, ProgressStatus.DONE)),
                    DomainException.Kind.CONFLICT, "project");
        }

        @Test
        void unknownDomainIsRejected() {
            expectRefused(fixture.given(started()).when(declare(P1, "space_travel", null, "Fusée", null, null)),
                    DomainException.Kind.INVALID, "domain");
        }

        @Test
        void crossCuttingProjectIsRejectedIn2013() {
            String id2013 = Response.id("bvn-2013", COLLECTIVITE);
            expectRefused(fixture.given(started("bvn-2013"))
                            .when(new DeclareProject(id2013, null, P1, "cross_cutting", "open_data", null, null, null)),
                    DomainException.Kind.INVALID, "domain");
        }

        @Test
        void crossCuttingProjectIsAcceptedIn2014() {
            fixture.given(started())
                    .when(declare(P1, "cross_cutting", "open_data", null, ProgressStatus.IN_PROGRESS, null))
                    .expectEvents(new ProjectDeclared(ID, CAMPAIGN, COLLECTIVITE, P1, "cross_cutting", "open_data",
                            null, ProgressStatus.IN_PROGRESS, Governance.NONE));
        }

        @Test
        void unknownCatalogueItemIsRejected() {
            expectRefused(fixture.given(started()).when(declare(P1, "education", "teleportation", null, null, null)),
                    DomainException.Kind.INVALID, "catalogueItem");
        }

        @Test
        void aCatalogueItemOfAnotherDomainIsRejected() {
            expectRefused(fixture.given(started()).when(declare(P1, "education", "open_data", null, null, null)),
                    DomainException.Kind.INVALID, "catalogueItem");
        }

        @Test
        void aProjectNamesACatalogueItemOrALabelNotBoth() {
            expectRefused(fixture.given(started())
                            .when(declare(P1, "education", "digital_equipment_in_schools", "Tablettes", null, null)),
                    DomainException.Kind.INVALID, "catalogueItem");
        }

        @Test
        void aProjectWithNeitherCatalogueItemNorLabelIsRejected() {
            expectRefused(fixture.given(started()).when(declare(P1, "education", null, null, null, null)),
                    DomainException.Kind.INVALID, "catalogueItem");
        }

        @Test
        void aBlankLabelIsRejected() {
            expectRefused(fixture.given(started()).when(declare(P1, "education", null, "   ", null, null)),
                    DomainException.Kind.INVALID, "label");
        }

        @Test
        void projectIdMustBeAUuid() {
            expectRefused(fixture.given(started()).when(declareEducation("project-1", null)),
                    DomainException.Kind.INVALID, "project");
        }

        @Test
        void measureOutOfRangeIsRejected() {
            expectRefused(fixture.given(started())
                            .when(declare(P1, "education", "digital_equipment_in_schools", null, null,
                                    new Governance(5, null, null, null, null))),
                    DomainException.Kind.INVALID, "governance.measure");
        }

        @Test
        void meansBelowOneIsRejected() {
            expectRefused(fixture.given(started())
                            .when(declare(P1, "education", "digital_equipment_in_schools", null, null,
                                    new Governance(null, 0, null, null, null))),
                    DomainException.Kind.INVALID, "governance.means");
        }

        @Test
        void aWithdrawnProjectCannotBeDeclaredAgain() {
            expectRefused(fixture.given(started(), declaredAt(P1, STARTED),
                            new ProjectWithdrawn(ID, CAMPAIGN, COLLECTIVITE, P1, null))
                            .when(declareEducation(P1, ProgressStatus.STUDY)),
                    DomainException.Kind.CONFLICT, "project");
        }
    }

    @Nested
    class ProjectWrites {

        @Test
        void updatingProgressAppliesTheNewStatus() {
            fixture.given(started(), declaredAt(P1, STARTED))
                    .when(new UpdateProgress(ID, null, P1, ProgressStatus.DONE))
                    .expectEvents(new ProgressUpdated(ID, CAMPAIGN, COLLECTIVITE, P1, ProgressStatus.DONE))
                    .expectResultMessagePayload(new Outcome(3, true));
        }

        @Test
        void updatingProgressToTheSameStatusAppliesNothing() {
            fixture.given(started(), declaredAt(P1, STARTED))
                    .when(new UpdateProgress(ID, null, P1, ProgressStatus.STUDY))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Outcome(2, false));
        }

        @Test
        void progressNeedsAStatus() {
            expectRefused(fixture.given(started(), declaredAt(P1, STARTED)).when(new UpdateProgress(ID, null, P1, null)),
                    DomainException.Kind.INVALID, "status");
        }

        @Test
        void scoringGovernanceAppliesTheWholeGovernance() {
            Governance g = new Governance(3, 2, ManagementMode.REGIE, DecisionMode.MULTI_PARTNER,
                    CoordinationMode.DEDICATED_TEAM);
            fixture.given(started(), declaredAt(P1, STARTED))
                    .when(new ScoreGovernance(ID, null, P1, g))
                    .expectEvents(new GovernanceScored(ID, CAMPAIGN, COLLECTIVITE, P1, g));
        }

        @Test
        void scoringTheSameGovernanceAgainAppliesNothing() {
            Governance g = new Governance(3, null, ManagementMode.DSP, null, null);
            fixture.given(started(), declaredAt(P1, STARTED), new GovernanceScored(ID, CAMPAIGN, COLLECTIVITE, P1, g))
                    .when(new ScoreGovernance(ID, null, P1, new Governance(3, null, ManagementMode.DSP, null, null)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Outcome(3, false));
        }

        @Test
        void anAbsentGovernanceFieldIsNotAnswered() {
            fixture.given(started(), declaredAt(P1, STARTED),
                            new GovernanceScored(ID, CAMPAIGN, COLLECTIVITE, P1, new Governance(3, 2, null, null, null)))
                    .when(new ScoreGovernance(ID, null, P1, null))
                    .expectEvents(new GovernanceScored(ID, CAMPAIGN, COLLECTIVITE, P1, Governance.NONE));
        }

        @Test
        void scoredMeasureOutOfRangeIsRejected() {
            expectRefused(fixture.given(started(), declaredAt(P1, STARTED))
                            .when(new ScoreGovernance(ID, null, P1, new Governance(0, null, null, null, null))),
                    DomainException.Kind.INVALID, "governance.measure");
        }

        @Test
        void scoredMeansOutOfRangeIsRejected() {
            expectRefused(fixture.given(started(), declaredAt(P1, STARTED))
                            .when(new ScoreGovernance(ID, null, P1, new Governance(null, 5, null, null, null))),
                    DomainException.Kind.INVALID, "governance.means");
        }

        @Test
        void withdrawingAProjectAppliesItsReason() {
            fixture.given(started(), declaredAt(P1, STARTED))
                    .when(new WithdrawProject(ID, null, P1, "Doublon"))
                    .expectEvents(new ProjectWithdrawn(ID, CAMPAIGN, COLLECTIVITE, P1, "Doublon"));
        }

        @Test
        void withdrawingTwiceChangesNothing() {
            fixture.given(started(), declaredAt(P1, STARTED), new ProjectWithdrawn(ID, CAMPAIGN, COLLECTIVITE, P1, null))
                    .when(new WithdrawProject(ID, null, P1, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Outcome(3, false));
        }

        @Test
        void writingToAWithdrawnProjectIsRejected() {
            expectRefused(fixture.given(started(), declaredAt(P1, STARTED),
                            new ProjectWithdrawn(ID, CAMPAIGN, COLLECTIVITE, P1, null))
                            .when(new UpdateProgress(ID, null, P1, ProgressStatus.DONE)),
                    DomainException.Kind.CONFLICT, "project");
        }

        @Test
        void scoringAWithdrawnProjectIsRejected() {
            expectRefused(fixture.given(started(), declaredAt(P1, STARTED),
                            new ProjectWithdrawn(ID, CAMPAIGN, COLLECTIVITE, P1, null))
                            .when(new ScoreGovernance(ID, null, P1, new Governance(1, 1, null, null, null))),
                    DomainException.Kind.CONFLICT, "project");
        }

        @Test
        void writingToAnUnknownProjectIsRejected() {
            expectRefused(fixture.given(started(), declaredAt(P1, STARTED))
                            .when(new UpdateProgress(ID, null, P2, ProgressStatus.DONE)),
                    DomainException.Kind.NOT_FOUND, "project");
        }

        @Test
        void withdrawingAnUnknownProjectIsRejected() {
            expectRefused(fixture.given(started()).when(new WithdrawProject(ID, null, P2, null)),
                    DomainException.Kind.NOT_FOUND, "project");
        }

        @Test
        void changeCannotTakeEffectBeforeTheProjectWasDeclared() {
            Instant declaredOn = Instant.parse("2014-02-01T10:00:00Z");
            expectRefused(fixture.given(started(), declaredAt(P1, declaredOn))
                            .when(new UpdateProgress(ID, null, P1, ProgressStatus.DONE),
                                    effective(declaredOn.minusSeconds(3600))),
                    DomainException.Kind.INVALID, "X-Effective-At");
        }

        @Test
        void withdrawalCannotTakeEffectBeforeTheProjectWasDeclared() {
            Instant declaredOn = Instant.parse("2014-02-01T10:00:00Z");
            expectRefused(fixture.given(started(), declaredAt(P1, declaredOn))
                            .when(new WithdrawProject(ID, null, P1, null), effective(declaredOn.minusSeconds(1))),
                    DomainException.Kind.INVALID, "X-Effective-At");
        }

        @Test
        void aChangeAtTheInstantOfTheDeclarationIsAccepted() {
            Instant declaredOn = Instant.parse("2014-02-01T10:00:00Z");
            fixture.given(started(), declaredAt(P1, declaredOn))
                    .when(new UpdateProgress(ID, null, P1, ProgressStatus.IN_PROGRESS), effective(declaredOn))
                    .expectEvents(new ProgressUpdated(ID, CAMPAIGN, COLLECTIVITE, P1, ProgressStatus.IN_PROGRESS));
        }

        @Test
        void aProjectDeclaredWithoutAStatedInstantCountsFromItsOwnTimestamp() {
            // No effectiveAt in the metadata: the event's timestamp is its effective instant, not the
            // moment the aggregate happens to be rebuilt.
            Instant recorded = Instant.parse("2014-02-20T08:00:00Z");
            fixture.givenCurrentTime(recorded)
                    .andGiven(started(), declared(P1, ProgressStatus.STUDY))
                    .when(new UpdateProgress(ID, null, P1, ProgressStatus.DONE), effective(recorded.plusSeconds(3600)))
                    .expectEvents(new ProgressUpdated(ID, CAMPAIGN, COLLECTIVITE, P1, ProgressStatus.DONE));
        }

        @Test
        void aProjectDeclaredWithoutAStatedInstantRefusesChangesBeforeItsTimestamp() {
            Instant recorded = Instant.parse("2014-02-20T08:00:00Z");
            fixture.givenCurrentTime(recorded)
                    .andGiven(started(), declared(P1, ProgressStatus.STUDY))
                    .when(new UpdateProgress(ID, null, P1, ProgressStatus.DONE), effective(recorded.minusSeconds(1)))
                    .expectException(refused(DomainException.Kind.INVALID, "X-Effective-At"));
        }
    }

    // ---- motivations and actors --------------------------------------------------------------

    static Map<Motivation, List<String>> allDefinitions() {
        return Map.of(
                Motivation.SERVICE_QUALITY, List.of("better_fit_to_user_expectations", "more_efficient_services",
                        "easier_innovation"),
                Motivation.ATTRACTIVENESS, List.of("for_residents", "for_businesses", "for_tourists"),
                Motivation.SUSTAINABLE_DEVELOPMENT, List.of("reduced_energy_consumption",
                        "responsible_resource_management"),
                Motivation.BUDGET_EFFICIENCY, List.of("efficient_use_of_resources",
                        "achieving_public_policy_objectives", "accountability_to_residents"));
    }

    @Nested
    class Motivations {

        @Test
        void rankingTheMotivationsAppliesRankingAndDefinitions() {
            fixture.given(started())
                    .when(new RankMotivations(ID, null, RANKING, allDefinitions()))
                    .expectEvents(new MotivationsRanked(ID, CAMPAIGN, COLLECTIVITE, RANKING, allDefinitions()));
        }

        @Test
        void rankingTheSameAgainAppliesNothing() {
            fixture.given(started(), new MotivationsRanked(ID, CAMPAIGN, COLLECTIVITE, RANKING, allDefinitions()))
                    .when(new RankMotivations(ID, null, RANKING, allDefinitions()))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Outcome(2, false));
        }

        @Test
        void rankingMustBeAPermutationOfTheFive() {
            List<Motivation> duplicate = List.of(Motivation.SERVICE_QUALITY, Motivation.SERVICE_QUALITY,
                    Motivation.SUSTAINABLE_DEVELOPMENT, Motivation.EXEMPLARITY, Motivation.BUDGET_EFFICIENCY);
            expectRefused(fixture.given(started()).when(new RankMotivations(ID, null, duplicate, null)),
                    DomainException.Kind.INVALID, "ranking");
        }

        @Test
        void aRankingOfFourIsRejected() {
            expectRefused(fixture.given(started()).when(new RankMotivations(ID, null, RANKING.subList(0, 4), null)),
                    DomainException.Kind.INVALID, "ranking");
        }

        @Test
        void aRankingOfSixIsRejected() {
            List<Motivation> six = new java.util.ArrayList<>(RANKING);
            six.add(Motivation.EXEMPLARITY);
            expectRefused(fixture.given(started()).when(new RankMotivations(ID, null, six, null)),
                    DomainException.Kind.INVALID, "ranking");
        }

        @Test
        void definitionsMustBeAPermutation() {
            Map<Motivation, List<String>> defs = new HashMap<>(allDefinitions());
            defs.put(Motivation.SERVICE_QUALITY, List.of("more_efficient_services", "easier_innovation"));
            expectRefused(fixture.given(started()).when(new RankMotivations(ID, null, RANKING, defs)),
                    DomainException.Kind.INVALID, "definitions.SERVICE_QUALITY");
        }

        @Test
        void aDefinitionOfAnotherMotivationIsRejected() {
            Map<Motivation, List<String>> defs = new HashMap<>(allDefinitions());
            defs.put(Motivation.ATTRACTIVENESS, List.of("for_residents", "for_businesses", "easier_innovation"));
            expectRefused(fixture.given(started()).when(new RankMotivations(ID, null, RANKING, defs)),
                    DomainException.Kind.INVALID, "definitions.ATTRACTIVENESS");
        }

        @Test
        void exemplarityHasNoDefinitionsToRank() {
            expectRefused(fixture.given(started()).when(new RankMotivations(ID, null, RANKING,
                            Map.of(Motivation.EXEMPLARITY, List.of("leading_by_example")))),
                    DomainException.Kind.INVALID, "definitions.EXEMPLARITY");
        }

        @Test
        void aRankingWithAGapIsRejected() {
            List<Motivation> withNull = new java.util.ArrayList<>(RANKING);
            withNull.set(2, null);
            expectRefused(fixture.given(started()).when(new RankMotivations(ID, null, withNull, null)),
                    DomainException.Kind.INVALID, "ranking");
        }

        @Test
        void aMotivationWithoutDefinitionsMayBeGivenNone() {
            Map<Motivation, List<String>> defs = new HashMap<>(allDefinitions());
            defs.put(Motivation.EXEMPLARITY, null);
            fixture.given(started())
                    .when(new RankMotivations(ID, null, RANKING, defs))
                    .expectEvents(new MotivationsRanked(ID, CAMPAIGN, COLLECTIVITE, RANKING, allDefinitions()));
        }

        @Test
        void rankingWithoutDefinitionsIsAccepted() {
            fixture.given(started())
                    .when(new RankMotivations(ID, null, RANKING, null))
                    .expectEvents(new MotivationsRanked(ID, CAMPAIGN, COLLECTIVITE, RANKING, Map.of()));
        }
    }

    @Nested
    class Actors {

        @Test
        void ratingAStatementAppliesTheLevel() {
            fixture.given(started())
                    .when(new RateActorStatement(ID, null, "co_construction_city_citizens", AgreementLevel.AGREE))
                    .expectEvents(new ActorStatementRated(ID, CAMPAIGN, COLLECTIVITE, "co_construction_city_citizens",
                            AgreementLevel.AGREE));
        }

        @Test
        void ratingTheSameLevelAgainAppliesNothing() {
            fixture.given(started(), new ActorStatementRated(ID, CAMPAIGN, COLLECTIVITE, "co_construction_city_citizens",
                            AgreementLevel.AGREE))
                    .when(new RateActorStatement(ID, null, "co_construction_city_citizens", AgreementLevel.AGREE))
                    .expectNoEvents();
        }

        @Test
        void unknownActorStatementIsRejected() {
            expectRefused(fixture.given(started())
                            .when(new RateActorStatement(ID, null, "aliens_are_welcome", AgreementLevel.AGREE)),
                    DomainException.Kind.INVALID, "statement");
        }

        @Test
        void aRatingNeedsALevel() {
            expectRefused(fixture.given(started())
                            .when(new RateActorStatement(ID, null, "co_construction_city_citizens", null)),
                    DomainException.Kind.INVALID, "level");
        }
    }

    // ---- submission, lateness, imports -------------------------------------------------------

    @Nested
    class Lifecycle {

        @Test
        void submittingAppliesResponseSubmitted() {
            fixture.given(started())
                    .when(new SubmitResponse(ID, null))
                    .expectEvents(new ResponseSubmitted(ID, CAMPAIGN, COLLECTIVITE));
        }

        @Test
        void submittingTwiceAppliesNothing() {
            fixture.given(started(), new ResponseSubmitted(ID, CAMPAIGN, COLLECTIVITE))
                    .when(new SubmitResponse(ID, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Outcome(2, false));
        }

        @Test
        void reopeningAnOpenResponseAppliesNothing() {
            fixture.given(started())
                    .when(new ReopenResponse(ID, null))
                    .expectNoEvents();
        }

        @Test
        void submittedResponseRefusesChangesUntilReopened() {
            expectRefused(fixture.given(started(), new ResponseSubmitted(ID, CAMPAIGN, COLLECTIVITE))
                            .when(declareEducation(P1, ProgressStatus.STUDY)),
                    DomainException.Kind.CONFLICT, "submitted");
        }

        @Test
        void aReopenedResponseAcceptsChangesAgain() {
            fixture.given(started(), new ResponseSubmitted(ID, CAMPAIGN, COLLECTIVITE),
                            new ResponseReopened(ID, CAMPAIGN, COLLECTIVITE))
                    .when(declareEducation(P1, ProgressStatus.STUDY))
                    .expectEvents(declared(P1, ProgressStatus.STUDY));
        }

        @Test
        void reopeningASubmittedResponseAppliesResponseReopened() {
            fixture.given(started(), new ResponseSubmitted(ID, CAMPAIGN, COLLECTIVITE))
                    .when(new ReopenResponse(ID, null))
                    .expectEvents(new ResponseReopened(ID, CAMPAIGN, COLLECTIVITE));
        }

        @Test
        void lateWritesAreAccepted() {
            Instant afterClosing = CLOSES_2014.plusSeconds(30 * 24 * 3600);
            fixture.given(started(), declaredAt(P1, STARTED))
                    .when(new UpdateProgress(ID, null, P1, ProgressStatus.DONE), effective(afterClosing))
                    .expectEvents(new ProgressUpdated(ID, CAMPAIGN, COLLECTIVITE, P1, ProgressStatus.DONE));
        }

        @Test
        void aLateStartIsAccepted() {
            fixture.givenNoPriorActivity()
                    .when(new StartResponse(ID, null, CAMPAIGN, COLLECTIVITE), effective(CLOSES_2014.plusSeconds(86400)))
                    .expectEvents(new ResponseStarted(ID, CAMPAIGN, COLLECTIVITE, "bvn-2014"));
        }

        @Test
        void lateSubmissionIsAccepted() {
            fixture.given(started())
                    .when(new SubmitResponse(ID, null), effective(CLOSES_2014.plusSeconds(3600)))
                    .expectEvents(new ResponseSubmitted(ID, CAMPAIGN, COLLECTIVITE));
        }

        @Test
        void reImportedLineIsSkipped() {
            // The line was applied once (its key is on the event); a second run must not apply it again,
            // even though the project has moved on since.
            fixture.given(started(), event(declared(P1, ProgressStatus.STUDY), imported("line-3", STARTED)),
                            event(new ProgressUpdated(ID, CAMPAIGN, COLLECTIVITE, P1, ProgressStatus.DONE),
                                    imported("line-4", STARTED.plusSeconds(60))),
                            event(new ProgressUpdated(ID, CAMPAIGN, COLLECTIVITE, P1, ProgressStatus.IN_PROGRESS),
                                    imported("line-5", STARTED.plusSeconds(120))))
                    .when(new UpdateProgress(ID, null, P1, ProgressStatus.DONE), imported("line-4", STARTED.plusSeconds(60)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Outcome(4, false));
        }

        @Test
        void aReImportedLineOfASubmittedResponseIsSkippedNotRefused() {
            fixture.given(started(), event(declared(P1, ProgressStatus.STUDY), imported("line-3", STARTED)),
                            event(new ResponseSubmitted(ID, CAMPAIGN, COLLECTIVITE), imported("line-9", STARTED)))
                    .when(declareEducation(P1, ProgressStatus.STUDY), imported("line-3", STARTED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aNewImportLineFollowsEveryRule() {
            expectRefused(fixture.given(started())
                            .when(declare(P1, "space_travel", null, "Fusée", null, null), imported("line-7", STARTED)),
                    DomainException.Kind.INVALID, "domain");
        }
    }
}
