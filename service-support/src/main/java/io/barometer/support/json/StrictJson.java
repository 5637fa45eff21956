package io.barometer.support.json;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Exact JSON types for every request body (DESIGN §11): a value of the wrong type is refused, never converted.
 * Each service imports this beside its routes; {@link #expected} words a refusal the way the API documents speak.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    private static final String INSTANT_EXAMPLE = "2014-03-15T23:59:59+01:00";

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictJsonFeatures() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        // An index is not a name: 1 for ADMIN_STAFF would read a client's bug as an answer.
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // "2014" for a year, "true" for a boolean, 2.5 for a level: a bad field, not a guess.
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .postConfigurer(StrictJson::refuseCoercions);
    }

    /** Installed after Boot's JavaTimeModule, whose instants this one replaces (a later module wins). */
    @Bean
    public Module strictInstants() {
        return instantsAsTextOnly();
    }

    /**
     * Jackson reads a blank string (whitespace, or control characters such as "\u0000") as null for a number
     * or an enum unless told otherwise, which stored " " as "not answered"; and it writes a number or a
     * boolean into a text field as its digits.
     */
    static void refuseCoercions(ObjectMapper mapper) {
        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /**
     * Jackson's java.time module takes a number, or a string of digits, as seconds since 1970, and no setting
     * of 2.19 turns that off (coercion configs and leniency are not consulted): an instant must be ISO-8601 text.
     */
    static Module instantsAsTextOnly() {
        SimpleModule module = new SimpleModule("strict-instants");
        module.addDeserializer(Instant.class, new IsoText<>(Instant.class, InstantDeserializer.INSTANT));
        module.addDeserializer(OffsetDateTime.class, new IsoText<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
        return module;
    }

    private static final class IsoText<T extends Temporal> extends StdScalarDeserializer<T> {
        private final transient JsonDeserializer<T> iso;

        IsoText(Class<T> type, JsonDeserializer<T> iso) {
            super(type);
            this.iso = iso;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return handledType().cast(ctxt.handleUnexpectedToken(handledType(), p));
            }
            String text = p.getText();
            if (text.isBlank() || text.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-')) {
                return handledType().cast(ctxt.handleWeirdStringValue(handledType(), text, "not an ISO-8601 instant"));
            }
            return iso.deserialize(p, ctxt);
        }

        @SuppressWarnings("unchecked")
        @Override
        public Class<T> handledType() {
            return (Class<T>) super.handledType();
        }
    }

    /** A refused field, named by its JSON path ({@code governance.measure}, {@code ranking[1]}). */
    public record Refusal(String field, String message) {
    }

    /** What a refused body's field should have been, in the API's words; never a Java type's name. */
    public static Refusal refusal(JsonProcessingException e) {
        return refusal(e, "body");
    }

    /** {@code whole} names the document itself (an import's line), for a refusal that is not about one field. */
    public static Refusal refusal(JsonProcessingException e, String whole) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m);
            Class<?> target = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
            return new Refusal(field, target == null ? "is not a valid value" : "must be " + expected(target, last(m)));
        }
        return new Refusal(whole, "not valid JSON");
    }

    /** The JSON path of the value at fault: fields joined by dots, list positions in brackets. */
    public static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static JsonMappingException.Reference last(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        return path.get(path.size() - 1);
    }

    static String expected(Class<?> type, JsonMappingException.Reference where) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer" + range(where);
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text (a JSON string)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 instant with its offset, such as " + INSTANT_EXAMPLE;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another type";
    }

    /** The bounds the API documents give the field ({@code @Schema(minimum, maximum)} on its record component). */
    private static String range(JsonMappingException.Reference where) {
        if (where == null || where.getFieldName() == null || !(where.getFrom() instanceof Class<?> owner)
                || !owner.isRecord()) {
            return "";
        }
        for (RecordComponent component : owner.getRecordComponents()) {
            // @Schema cannot target a record component itself; Java carries it to the component's accessor.
            Schema schema = component.getName().equals(where.getFieldName())
                    ? component.getAccessor().getAnnotation(Schema.class) : null;
            if (schema != null && !schema.minimum().isEmpty() && !schema.maximum().isEmpty()) {
                return " from " + schema.minimum() + " to " + schema.maximum();
            }
        }
        return "";
    }
}
