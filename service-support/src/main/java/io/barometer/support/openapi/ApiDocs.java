package io.barometer.support.openapi;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * What both services' OpenAPI documents share (DESIGN §6): the bearer JWT every route needs unless it says
 * otherwise, the problem+json shape of every refusal, and the public service routes (health, these documents).
 */
public final class ApiDocs {

    public static final String BEARER = "bearer";
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String SERVICE_TAG = "service";

    /** Each refusal status: its response's name in the components and what it means to a caller. */
    private record Refusal(String name, String description) {
    }

    private static final Map<Integer, Refusal> REFUSALS = Map.ofEntries(
            Map.entry(400, new Refusal("BadRequest", "Malformed request: a value of the wrong type, an unknown field, a bad "
                    + "parameter or header. `errors` names each field at fault; nothing changed.")),
            Map.entry(401, new Refusal("Unauthorized", "No bearer token, or one that is invalid, expired or of a disabled "
                    + "account; at sign-in, an unknown username or a wrong password (the same answer for both).")),
            Map.entry(403, new Refusal("Forbidden", "The caller's role, or its collectivité, may not do this; nothing changed.")),
            Map.entry(404, new Refusal("NotFound", "The campaign, collectivité, response or project named does not exist "
                    + "(`errors` says which).")),
            Map.entry(409, new Refusal("Conflict", "The change contradicts the current state (a project withdrawn, a submitted "
                    + "response, a campaign or username already taken with other values), or a concurrent change won.")),
            Map.entry(412, new Refusal("PreconditionFailed", "`If-Match` names an older version than the response's current one: "
                    + "someone changed it since. Nothing changed; read it again and retry.")),
            Map.entry(413, new Refusal("PayloadTooLarge", "The body exceeds the route's limit (1 MiB; 64 MiB for an import).")),
            Map.entry(415, new Refusal("UnsupportedMediaType", "The body's Content-Type is not one this route reads.")),
            Map.entry(422, new Refusal("UnprocessableEntity", "Well-formed, but breaks a rule of the survey (an unknown domain or "
                    + "catalogue item, a score outside its range, a ranking that is not a permutation…). `errors` names "
                    + "the field; nothing changed.")),
            Map.entry(429, new Refusal("TooManyRequests", "Too many failed sign-ins for this username within 15 "
                    + "minutes; retry after the seconds in `Retry-After`.")),
            Map.entry(503, new Refusal("ServiceUnavailable", "The view has not caught up with the version (`minVersion`) "
                    + "or the position (`minPosition`) asked for yet: `projectedVersion` or `projectedPosition` and "
                    + "`behind` say how far it is; retry after the seconds in `Retry-After`.")));

    private ApiDocs() {
    }

    /**
     * A service's document: its title and description, its feature tags (in the order a reader meets them),
     * bearer security on every operation that does not opt out, and the problem schema.
     */
    public static OpenAPI document(String title, String version, String description, List<Tag> tags) {
        List<Tag> all = new ArrayList<>(tags);
        all.add(new Tag().name(SERVICE_TAG).description("Health and these documents: public, no token."));
        return new OpenAPI()
                .info(new Info().title(title).version(version).description(description))
                .tags(all)
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("A token from command-service's `POST /api/auth/token`, "
                                        + "valid on both services until its `expiresAt`.")));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details. Some routes add members: the import's `line`, `applied` and "
                        + "`unchanged`; the response view's `projectedVersion`; a view's `projectedPosition` and `behind` (a `minPosition` not reached).")
                .addProperty("type", new StringSchema().format("uri-reference").example("about:blank"))
                .addProperty("title", new StringSchema().description("The status's reason phrase.")
                        .example("Unprocessable Entity"))
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).example(422))
                .addProperty("detail", new StringSchema().description("What went wrong, in the API's words.")
                        .example("measure must be an integer from 1 to 4"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("Each field at fault; present when the refusal is about named fields."))
                .required(List.of("title", "status"));
    }

    /**
     * Adds each refusal a handler's {@link Refusals} names, and 401 to every operation that needs a token (an
     * operation opts out of the token with an empty {@code @SecurityRequirements}).
     */
    public static OperationCustomizer refusals() {
        return (operation, handler) -> {
            TreeSet<Integer> statuses = new TreeSet<>();
            Refusals declared = annotation(handler, Refusals.class);
            if (declared != null) {
                IntStream.of(declared.value()).forEach(statuses::add);
            }
            if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
                statuses.add(401);
            }
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            for (int status : statuses) {
                Refusal refusal = REFUSALS.get(status);
                if (refusal == null) {
                    throw new IllegalStateException(handler + " names refusal " + status + ", which has no description");
                }
                operation.getResponses().addApiResponse(String.valueOf(status),
                        new ApiResponse().$ref("#/components/responses/" + refusal.name()));
            }
            return operation;
        };
    }

    /** A handler's annotation of that type, on its method or else on its controller. */
    public static <A extends Annotation> A annotation(HandlerMethod handler, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
    }

    /**
     * Gives every parameter of a known name, wherever it appears, the same description, schema and example, so
     * that the cut-off or If-Match reads the same on every route and controllers stay plain.
     */
    public static OperationCustomizer parameters(Map<String, Parameter> byName) {
        return (operation, handler) -> {
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    Parameter known = byName.get(parameter.getName());
                    if (known != null) {
                        parameter.description(known.getDescription()).schema(known.getSchema())
                                .example(known.getExample());
                    }
                }
            }
            return operation;
        };
    }

    /**
     * The refusal responses the operations refer to, and only those (an unused component is noise to a reader),
     * with the problem schema, plus the public routes that are not controllers: health and these documents.
     * Added here, once the operations are known: springdoc drops the schemas nothing refers to before that.
     */
    public static OpenApiCustomizer sharedParts() {
        return openApi -> {
            Map<String, ApiResponse> used = new TreeMap<>();
            openApi.getPaths().values().stream().flatMap(p -> p.readOperations().stream())
                    .flatMap(o -> o.getResponses().values().stream())
                    .map(ApiResponse::get$ref).filter(ref -> ref != null)
                    .forEach(ref -> REFUSALS.values().stream()
                            .filter(r -> ref.equals("#/components/responses/" + r.name()))
                            .forEach(r -> used.put(r.name(), problemResponse(r))));
            used.forEach(openApi.getComponents()::addResponses);
            openApi.getComponents()
                    .addSchemas("FieldError", new ObjectSchema()
                            .description("One field, parameter or header at fault, and what is wrong with it.")
                            .addProperty("field", new StringSchema().example("measure"))
                            .addProperty("message", new StringSchema().example("must be a level from 1 to 4"))
                            .required(List.of("field", "message")))
                    .addSchemas(PROBLEM, problemSchema());
            openApi.path("/actuator/health", new PathItem().get(publicOperation("health", "Is the service up?",
                    "`UP` while the service and its database answer, `DOWN` (503) otherwise; the status only.",
                    new ApiResponses()
                            .addApiResponse("200", statusResponse("The service is up."))
                            .addApiResponse("503", statusResponse("The service or its database is down.")))));
            openApi.path("/v3/api-docs", new PathItem().get(publicOperation("apiDocument", "This OpenAPI document",
                    "The document a client generator or the API docs UI (`/swagger-ui.html`, also public) reads.",
                    new ApiResponses().addApiResponse("200", new ApiResponse().description("The OpenAPI document.")
                            .content(new Content().addMediaType("application/json",
                                    new MediaType().schema(new ObjectSchema())))))));
        };
    }

    private static ApiResponse problemResponse(Refusal refusal) {
        ApiResponse response = new ApiResponse().description(refusal.description())
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        if (refusal.name().equals("ServiceUnavailable")) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying.")
                    .schema(new IntegerSchema()));
        }
        return response;
    }

    private static Operation publicOperation(String id, String summary, String description, ApiResponses responses) {
        return new Operation().operationId(id).summary(summary).description(description).addTagsItem(SERVICE_TAG)
                .security(List.of()).responses(responses);
    }

    private static ApiResponse statusResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                new MediaType().schema(new ObjectSchema().addProperty("status",
                        new StringSchema()._enum(List.of("UP", "DOWN")).example("UP")).required(List.of("status")))));
    }
}
