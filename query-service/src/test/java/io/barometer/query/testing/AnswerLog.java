package io.barometer.query.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds an NDJSON answer log (DESIGN §7) line by line, for tests that import a timeline of their own. */
public final class AnswerLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> lines = new ArrayList<>();

    public AnswerLog open(String campaign, Instant opensAt, Instant closesAt, Instant at) {
        return line("openCampaign", at, "bvn-team.test", "campaign", campaign, "year", 2014, "title", "Test " + campaign,
                "opensAt", opensAt.toString(), "closesAt", closesAt.toString(), "questionnaire", "bvn-2014");
    }

    public AnswerLog register(String collectivite, String kind, String region, Integer population, Instant at) {
        return register(collectivite, "Ville " + collectivite, kind, region, population, at);
    }

    public AnswerLog register(String collectivite, String name, String kind, String region, Integer population,
                              Instant at) {
        Map<String, Object> fields = fields("collectivite", collectivite, "name", name, "kind", kind, "region", region);
        fields.put("population", population);
        fields.put("parentId", null);
        return add("registerCollectivite", at, "bvn-team.test", fields);
    }

    /** A correction of one field of a registered collectivité. */
    public AnswerLog correct(String collectivite, String field, Object value, Instant at) {
        Map<String, Object> fields = fields("collectivite", collectivite, "reason", "correction by the test");
        fields.put(field, value);
        return add("correctCollectivite", at, "bvn-team.test", fields);
    }

    public AnswerLog start(String campaign, String collectivite, Instant at) {
        return line("startResponse", at, collectivite + ".dsi-1", "campaign", campaign, "collectivite", collectivite);
    }

    public AnswerLog profile(String campaign, String collectivite, boolean worksInDigital, Instant at) {
        return profile(campaign, collectivite, "ADMIN_STAFF", worksInDigital, null, at);
    }

    public AnswerLog profile(String campaign, String collectivite, String role, boolean worksInDigital,
                             String organisation, Instant at) {
        Map<String, Object> fields = fields("campaign", campaign, "collectivite", collectivite, "role", role,
                "worksInDigital", worksInDigital);
        fields.put("organisation", organisation);
        return add("answerProfile", at, collectivite + ".dsi-1", fields);
    }

    public AnswerLog declare(String campaign, String collectivite, String project, String domain, String item,
                             String status, Instant at) {
        return declaration(campaign, collectivite, project, domain, "catalogueItem", item, status, at);
    }

    /** A project declared under a free label rather than a catalogue item. */
    public AnswerLog declareLabelled(String campaign, String collectivite, String project, String domain, String label,
                                     String status, Instant at) {
        return declaration(campaign, collectivite, project, domain, "label", label, status, at);
    }

    /** The whole governance of a project; a null is "not answered". */
    public AnswerLog govern(String campaign, String collectivite, String project, Integer measure, Integer means,
                            String managementMode, String decisionMode, String coordination, Instant at) {
        Map<String, Object> fields = fields("campaign", campaign, "collectivite", collectivite, "project", project);
        fields.put("measure", measure);
        fields.put("means", means);
        fields.put("managementMode", managementMode);
        fields.put("decisionMode", decisionMode);
        fields.put("coordination", coordination);
        return add("scoreGovernance", at, collectivite + ".dsi-1", fields);
    }

    /** The five motivations, first = rank 1, without definitions. */
    public AnswerLog rank(String campaign, String collectivite, List<String> ranking, Instant at) {
        return line("rankMotivations", at, collectivite + ".dsi-1", "campaign", campaign, "collectivite", collectivite,
                "ranking", ranking, "definitions", Map.of());
    }

    public AnswerLog progress(String campaign, String collectivite, String project, String status, Instant at) {
        return line("updateProgress", at, collectivite + ".dsi-1", "campaign", campaign, "collectivite", collectivite,
                "project", project, "status", status);
    }

    public AnswerLog withdraw(String campaign, String collectivite, String project, Instant at) {
        return line("withdrawProject", at, collectivite + ".dsi-1", "campaign", campaign, "collectivite", collectivite,
                "project", project);
    }

    public AnswerLog submit(String campaign, String collectivite, Instant at) {
        return line("submitResponse", at, collectivite + ".dsi-1", "campaign", campaign, "collectivite", collectivite);
    }

    /** An admin reopens a submitted response. */
    public AnswerLog reopen(String campaign, String collectivite, Instant at) {
        return line("reopenResponse", at, "bvn-team.test", "campaign", campaign, "collectivite", collectivite,
                "reason", "Projet oublié");
    }

    public AnswerLog actor(String campaign, String collectivite, String statement, String level, Instant at) {
        return line("rateActorStatement", at, collectivite + ".dsi-1", "campaign", campaign, "collectivite",
                collectivite, "statement", statement, "level", level);
    }

    public String ndjson() {
        return String.join("\n", lines) + "\n";
    }

    private AnswerLog declaration(String campaign, String collectivite, String project, String domain, String naming,
                                  String name, String status, Instant at) {
        Map<String, Object> fields = fields("campaign", campaign, "collectivite", collectivite, "project", project,
                "domain", domain, naming, name);
        fields.put("status", status);
        return add("declareProject", at, collectivite + ".dsi-1", fields);
    }

    private AnswerLog line(String op, Instant at, String by, Object... keyValues) {
        return add(op, at, by, fields(keyValues));
    }

    private AnswerLog add(String op, Instant at, String by, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("op", op);
        line.put("at", at.toString());
        line.put("by", by);
        line.putAll(fields);
        try {
            lines.add(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    private static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put((String) keyValues[i], keyValues[i + 1]);
        }
        return fields;
    }
}
