package io.barometer.command.collectivite;

import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.barometer.command.rules.DomainException;
import io.barometer.command.rules.Outcome;
import io.barometer.events.CollectiviteKind;
import io.barometer.events.CollectiviteProfileCorrected;
import io.barometer.events.CollectiviteRegistered;
import io.barometer.events.MetadataKeys;

/** One fixture test per rule of the Collectivite aggregate. */
class CollectiviteTest {

    static final String ID = "vannes";
    static final CollectiviteRegistered REGISTERED = new CollectiviteRegistered(ID, "Vannes", CollectiviteKind.COMMUNE,
            "Bretagne", 53000, "golfe-du-morbihan");
    static final Map<String, Object> REASON = Map.of(MetadataKeys.REASON, "INSEE 2014 population");

    AggregateTestFixture<Collectivite> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Collectivite.class);
    }

    static RegisterCollectivite register(String id, String name, CollectiviteKind kind, String region, Integer population,
                                         String parentId) {
        return new RegisterCollectivite(id, name, kind, region, population, parentId);
    }

    static RegisterCollectivite registerVannes() {
        return register(ID, "Vannes", CollectiviteKind.COMMUNE, "Bretagne", 53000, "golfe-du-morbihan");
    }

    static CorrectCollectivite correct(Set<String> fields, String name, CollectiviteKind kind, String region,
                                       Integer population, String parentId) {
        return new CorrectCollectivite(ID, fields, name, kind, region, population, parentId);
    }

    static void expectRefused(ResultValidator<Collectivite> result, DomainException.Kind kind, String field) {
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
    void registeringAppliesTheProfile() {
        fixture.givenNoPriorActivity()
                .when(registerVannes())
                .expectEvents(REGISTERED)
                .expectResultMessagePayload(new Outcome(1, true));
    }

    @Test
    void registeringWithAnUnknownPopulationAndNoParentIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(register("caen-la-mer", "Caen la Mer", CollectiviteKind.COMMUNAUTE_AGGLOMERATION,
                        "Basse-Normandie", null, null))
                .expectEvents(new CollectiviteRegistered("caen-la-mer", "Caen la Mer",
                        CollectiviteKind.COMMUNAUTE_AGGLOMERATION, "Basse-Normandie", null, null));
    }

    @Test
    void registeringTheSameCollectiviteTwiceChangesNothing() {
        fixture.given(REGISTERED)
                .when(registerVannes())
                .expectNoEvents()
                .expectResultMessagePayload(new Outcome(1, false));
    }

    @Test
    void registeringAgainWithOtherFieldsIsAConflict() {
        expectRefused(fixture.given(REGISTERED)
                        .when(register(ID, "Vannes", CollectiviteKind.COMMUNE, "Bretagne", 55000, "golfe-du-morbihan")),
                DomainException.Kind.CONFLICT, "collectivite");
    }

    @Test
    void registeringAgainWithTheCorrectedFieldsChangesNothing() {
        fixture.given(REGISTERED, new CollectiviteProfileCorrected(ID, "Vannes", CollectiviteKind.COMMUNE, "Bretagne",
                        55000, "golfe-du-morbihan"))
                .when(register(ID, "Vannes", CollectiviteKind.COMMUNE, "Bretagne", 55000, "golfe-du-morbihan"))
                .expectNoEvents();
    }

    @Test
    void collectiviteIdMustBeASlug() {
        expectRefused(fixture.givenNoPriorActivity()
                        .when(register("Vannes", "Vannes", CollectiviteKind.COMMUNE, "Bretagne", 53000, null)),
                DomainException.Kind.INVALID, "collectivite");
    }

    @Test
    void aNameIsRequired() {
        expectRefused(fixture.givenNoPriorActivity()
                        .when(register(ID, "", CollectiviteKind.COMMUNE, "Bretagne", 53000, null)),
                DomainException.Kind.INVALID, "name");
    }

    @Test
    void aKindIsRequired() {
        expectRefused(fixture.givenNoPriorActivity().when(register(ID, "Vannes", null, "Bretagne", 53000, null)),
                DomainException.Kind.INVALID, "kind");
    }

    @Test
    void aRegionIsRequired() {
        expectRefused(fixture.givenNoPriorActivity()
                        .when(register(ID, "Vannes", CollectiviteKind.COMMUNE, null, 53000, null)),
                DomainException.Kind.INVALID, "region");
    }

    @Test
    void aNegativePopulationIsRejected() {
        expectRefused(fixture.givenNoPriorActivity()
                        .when(register(ID, "Vannes", CollectiviteKind.COMMUNE, "Bretagne", -1, null)),
                DomainException.Kind.INVALID, "population");
    }

    @Test
    void aCollectiviteCannotBeItsOwnParent() {
        expectRefused(fixture.givenNoPriorActivity()
                        .when(register(ID, "Vannes", CollectiviteKind.COMMUNE, "Bretagne", 53000, ID)),
                DomainException.Kind.INVALID, "parentId");
    }

    @Test
    void correctionNeedsAReason() {
        expectRefused(fixture.given(REGISTERED)
                        .when(correct(Set.of("population"), null, null, null, 55000, null)),
                DomainException.Kind.INVALID, "reason");
    }

    @Test
    void correctionCarriesTheWholeProfile() {
        fixture.given(REGISTERED)
                .when(correct(Set.of("population"), null, null, null, 55000, null), REASON)
                .expectEvents(new CollectiviteProfileCorrected(ID, "Vannes", CollectiviteKind.COMMUNE, "Bretagne", 55000,
                        "golfe-du-morbihan"))
                .expectResultMessagePayload(new Outcome(2, true));
    }

    @Test
    void correctingThePopulationToNullMakesItUnknown() {
        fixture.given(REGISTERED)
                .when(correct(Set.of("population", "parentId"), null, null, null, null, null), REASON)
                .expectEvents(new CollectiviteProfileCorrected(ID, "Vannes", CollectiviteKind.COMMUNE, "Bretagne", null,
                        null));
    }

    @Test
    void correctionsAccumulate() {
        fixture.given(REGISTERED, new CollectiviteProfileCorrected(ID, "Vannes", CollectiviteKind.COMMUNE, "Bretagne",
                        55000, "golfe-du-morbihan"))
                .when(correct(Set.of("name"), "Ville de Vannes", null, null, null, null), REASON)
                .expectEvents(new CollectiviteProfileCorrected(ID, "Ville de Vannes", CollectiviteKind.COMMUNE,
                        "Bretagne", 55000, "golfe-du-morbihan"));
    }

    @Test
    void aCorrectionThatChangesNothingAppliesNothing() {
        fixture.given(REGISTERED)
                .when(correct(Set.of("population"), null, null, null, 53000, null), REASON)
                .expectNoEvents()
                .expectResultMessagePayload(new Outcome(1, false));
    }

    @Test
    void aCorrectionNamingNoFieldIsRejected() {
        expectRefused(fixture.given(REGISTERED).when(correct(Set.of(), null, null, null, null, null), REASON),
                DomainException.Kind.INVALID, "body");
    }

    @Test
    void aCorrectionCannotBlankTheName() {
        expectRefused(fixture.given(REGISTERED).when(correct(Set.of("name"), null, null, null, null, null), REASON),
                DomainException.Kind.INVALID, "name");
    }

    @Test
    void aCorrectionCannotMakeACollectiviteItsOwnParent() {
        expectRefused(fixture.given(REGISTERED).when(correct(Set.of("parentId"), null, null, null, null, ID), REASON),
                DomainException.Kind.INVALID, "parentId");
    }

    @Test
    void aPopulationAboveTwentyMillionIsRejected() {
        expectRefused(fixture.given(REGISTERED)
                        .when(correct(Set.of("population"), null, null, null, 20_000_001, null), REASON),
                DomainException.Kind.INVALID, "population");
    }
}
