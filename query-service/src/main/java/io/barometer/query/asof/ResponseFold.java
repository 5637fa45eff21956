package io.barometer.query.asof;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.events.AgreementLevel;
import io.barometer.events.Motivation;
import io.barometer.events.RespondentRole;

/**
 * Folds a campaign's response-level facts, read newest first per (respondent, attribute, statement):
 * the first of each group is the value as of T; every fact counts as a change.
 */
final class ResponseFold {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<Motivation, List<String>>> DEFINITIONS = new TypeReference<>() {
    };

    private final Map<String, RespondentBuilder> builders;
    private RespondentBuilder builder;
    private String attribute;
    private String statement;

    ResponseFold(Map<String, RespondentBuilder> builders) {
        this.builders = builders;
    }

    void row(ResultSet rs) throws SQLException {
        String collectivite = rs.getString("collectivite_id");
        if (builder == null || !builder.collectiviteId.equals(collectivite)) {
            builder = builders.computeIfAbsent(collectivite, RespondentBuilder::new);
            attribute = null;
        }
        builder.count(1, rs.getBoolean("after_closing") ? 1 : 0, rs.getLong("sequence_number"),
                rs.getLong("global_index"));
        String a = rs.getString("attribute");
        String s = rs.getString("statement");
        if (a.equals(attribute) && s.equals(statement)) {
            return;
        }
        attribute = a;
        statement = s;
        RespondentBuilder b = builder;
        switch (a) {
            case Attribute.STARTED -> b.startedAt = Timestamps.instant(rs, "effective_at");
            case Attribute.PROFILE -> b.profile = new AsOfState.Profile(
                    RespondentRole.valueOf(rs.getString("role")), rs.getBoolean("works_in_digital"),
                    rs.getString("organisation"));
            case Attribute.MOTIVATIONS -> b.motivations = new AsOfState.Ranking(
                    ranking(rs.getString("ranking")), definitions(rs.getString("definitions")));
            case Attribute.ACTOR -> b.actors.put(s, AgreementLevel.valueOf(rs.getString("level")));
            case Attribute.SUBMISSION -> {
                b.submitted = rs.getBoolean("submitted");
                b.submittedAt = b.submitted ? Timestamps.instant(rs, "effective_at") : null;
            }
            default -> throw new IllegalStateException("unknown attribute " + a);
        }
    }

    private static List<Motivation> ranking(String value) {
        return Arrays.stream(value.split(",")).map(Motivation::valueOf).toList();
    }

    private static Map<Motivation, List<String>> definitions(String value) {
        if (value == null) {
            return Map.of();
        }
        try {
            Map<Motivation, List<String>> read = JSON.readValue(value, DEFINITIONS);
            return read.isEmpty() ? Map.of() : new EnumMap<>(read);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable definitions " + value, e);
        }
    }
}
