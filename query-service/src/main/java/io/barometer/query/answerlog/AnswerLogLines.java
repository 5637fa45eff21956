package io.barometer.query.answerlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.barometer.events.MetadataKeys;
import io.barometer.query.projection.EventFacts;

/**
 * Turns a stored event back into the answer-log line (DESIGN §7) whose import would store the same event: the op
 * and its fields from the payload, {@code at}/{@code by}/{@code onBehalfOf}/{@code reason} from the metadata,
 * and the two fields only an export has, {@code byRole} and {@code recordedAt} (docs/answer-log.md).
 */
public final class AnswerLogLines {

    private static final List<String> GOVERNANCE = List.of("measure", "means", "managementMode", "decisionMode",
            "coordination");

    private final ObjectMapper json;

    public AnswerLogLines(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode line(StoredEvent event) {
        JsonNode payload = read(event.payload());
        JsonNode meta = event.metaData() == null ? json.createObjectNode() : read(event.metaData());
        String type = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
        ObjectNode line = json.createObjectNode();
        line.put("op", op(type, event));
        String recordedAt = EventFacts.parseInstant(event.timestamp()).toString();
        line.put("at", meta.hasNonNull(MetadataKeys.EFFECTIVE_AT) ? meta.get(MetadataKeys.EFFECTIVE_AT).asText() : recordedAt);
        line.put("by", meta.path(MetadataKeys.USER_ID).asText());
        copy(meta, MetadataKeys.USER_ROLE, line, "byRole");
        copy(meta, MetadataKeys.ON_BEHALF_OF, line, "onBehalfOf");
        copy(meta, MetadataKeys.REASON, line, "reason");
        line.put("recordedAt", recordedAt);
        switch (type) {
            case "CampaignOpened" -> {
                copy(payload, "campaignId", line, "campaign");
                for (String field : List.of("year", "title", "opensAt", "closesAt")) {
                    copy(payload, field, line, field);
                }
                copy(payload, "questionnaireId", line, "questionnaire");
            }
            case "CampaignDeadlineMoved" -> {
                copy(payload, "campaignId", line, "campaign");
                copy(payload, "closesAt", line, "closesAt");
            }
            case "CollectiviteRegistered", "CollectiviteProfileCorrected" -> {
                copy(payload, "collectiviteId", line, "collectivite");
                for (String field : List.of("name", "kind", "region")) {
                    copy(payload, field, line, field);
                }
                // Null is a value here (unknown population, no intercommunality): a correction that cleared it
                // must clear it again.
                line.set("population", payload.path("population").isMissingNode() ? null : payload.get("population"));
                line.set("parentId", payload.path("parentId").isMissingNode() ? null : payload.get("parentId"));
            }
            default -> {
                copy(payload, "campaignId", line, "campaign");
                copy(payload, "collectiviteId", line, "collectivite");
                answerFields(type, payload, line);
            }
        }
        return line;
    }

    private static void answerFields(String type, JsonNode payload, ObjectNode line) {
        switch (type) {
            case "RespondentProfileAnswered" -> {
                copy(payload, "role", line, "role");
                copy(payload, "worksInDigital", line, "worksInDigital");
                line.set("organisation", payload.hasNonNull("organisation") ? payload.get("organisation") : null);
            }
            case "ProjectDeclared" -> {
                copy(payload, "projectId", line, "project");
                copy(payload, "domain", line, "domain");
                copy(payload, "catalogueItem", line, "catalogueItem");
                copy(payload, "label", line, "label");
                copy(payload, "status", line, "status");
                ObjectNode governance = line.objectNode();
                for (String field : GOVERNANCE) {
                    copy(payload.path("governance"), field, governance, field);
                }
                if (!governance.isEmpty()) {
                    line.set("governance", governance);
                }
            }
            case "ProgressUpdated" -> {
                copy(payload, "projectId", line, "project");
                copy(payload, "status", line, "status");
            }
            case "GovernanceScored" -> {
                copy(payload, "projectId", line, "project");
                for (String field : GOVERNANCE) {
                    copy(payload.path("governance"), field, line, field);
                }
            }
            case "ProjectWithdrawn" -> {
                copy(payload, "projectId", line, "project");
                // The withdrawal's own reason is the change's reason on import: one of them is enough.
                if (!line.has("reason")) {
                    copy(payload, "reason", line, "reason");
                }
            }
            case "MotivationsRanked" -> {
                copy(payload, "ranking", line, "ranking");
                copy(payload, "definitions", line, "definitions");
            }
            case "ActorStatementRated" -> {
                copy(payload, "statement", line, "statement");
                copy(payload, "level", line, "level");
            }
            default -> {
                // startResponse, submitResponse and reopenResponse carry the campaign and collectivité only.
            }
        }
    }

    private static String op(String type, StoredEvent event) {
        return switch (type) {
            case "CampaignOpened" -> "openCampaign";
            case "CampaignDeadlineMoved" -> "moveDeadline";
            case "CollectiviteRegistered" -> "registerCollectivite";
            case "CollectiviteProfileCorrected" -> "correctCollectivite";
            case "ResponseStarted" -> "startResponse";
            case "RespondentProfileAnswered" -> "answerProfile";
            case "ProjectDeclared" -> "declareProject";
            case "ProgressUpdated" -> "updateProgress";
            case "GovernanceScored" -> "scoreGovernance";
            case "ProjectWithdrawn" -> "withdrawProject";
            case "MotivationsRanked" -> "rankMotivations";
            case "ActorStatementRated" -> "rateActorStatement";
            case "ResponseSubmitted" -> "submitResponse";
            case "ResponseReopened" -> "reopenResponse";
            // A history with a gap would import into a different barometer: better no file than a wrong one.
            default -> throw new IllegalStateException("event " + event.globalIndex() + " of type "
                    + event.payloadType() + " has no op in the answer log");
        };
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(as, value);
        }
    }

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
