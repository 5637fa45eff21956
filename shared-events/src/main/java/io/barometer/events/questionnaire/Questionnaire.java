package io.barometer.events.questionnaire;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.barometer.events.Motivation;

/** A questionnaire definition (`bvn-2013`, `bvn-2014`): stable keys with their French labels. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Questionnaire(String id, int year, String title, String language, String provenance,
                            List<Domain> domains,
                            List<ProgressStatusLabel> progressStatuses,
                            List<Level> measureLevels,
                            List<Level> meansLevels,
                            List<Choice> managementModes,
                            List<Choice> decisionModes,
                            List<Choice> coordinationModes,
                            List<MotivationDefinition> motivations,
                            List<Choice> agreementScale,
                            List<ActorStatement> actorStatements,
                            List<Choice> collectiviteKinds,
                            List<Choice> respondentRoles) {

    /** Every definition bundled with the product; a campaign may only be opened with one of these. */
    public static final List<String> BUNDLED = List.of("bvn-2013", "bvn-2014");

    public record Domain(String key, String label, List<Choice> catalogue) {
        public boolean hasCatalogueItem(String item) {
            return catalogue.stream().anyMatch(c -> c.key().equals(item));
        }
    }

    public record Choice(String key, String label) {
    }

    public record ProgressStatusLabel(String key, String label, int score) {
    }

    public record Level(int level, String label) {
    }

    public record MotivationDefinition(Motivation key, String label, List<Choice> definitions) {
        public List<String> definitionKeys() {
            return definitions.stream().map(Choice::key).toList();
        }
    }

    public record ActorStatement(String key, String group, String label) {
    }

    public Optional<Domain> domain(String key) {
        return domains.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    public Optional<MotivationDefinition> motivation(Motivation key) {
        return motivations.stream().filter(m -> m.key() == key).findFirst();
    }

    public boolean hasActorStatement(String key) {
        return actorStatements.stream().anyMatch(s -> s.key().equals(key));
    }

    /** The label of a catalogue item in any domain, or the key itself when unknown. */
    public String catalogueLabel(String item) {
        return domains.stream().flatMap(d -> d.catalogue().stream())
                .filter(c -> c.key().equals(item)).map(Choice::label).findFirst().orElse(item);
    }

    public int measureLevelCount() {
        return measureLevels.size();
    }

    public int meansLevelCount() {
        return meansLevels.size();
    }
}
