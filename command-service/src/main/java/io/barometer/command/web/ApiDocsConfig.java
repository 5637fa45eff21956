package io.barometer.command.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.barometer.command.attribution.AttributionHeaders;
import io.barometer.command.attribution.RequestAttribution;
import io.barometer.command.attribution.WriteHeaders;
import io.barometer.support.openapi.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.tags.Tag;

/** command-service's OpenAPI document (/v3/api-docs) and what its API docs UI shows: DESIGN §6, the writes. */
@Configuration
public class ApiDocsConfig {

    static final String ETAG = "ETag";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WriteHeaders.class);
    }

    @Bean
    public OpenAPI commandApi() {
        OpenAPI api = ApiDocs.document("Barometer command-service", "1.0", """
                The writes of the Baromètre des villes numériques: campaigns, collectivités, accounts, each \
                collectivité's answers and the import of answer logs. Every change is kept as an event; the reads \
                (views as of any cut-off, synthesis, audit) are on query-service.

                Get a token with `POST /api/auth/token` (public), then send `Authorization: Bearer <token>` on every \
                other call; in the docs UI, press *Authorize* and paste the token. Roles: `RESPONDENT` (answers for \
                its own collectivité only), `ANALYST` (reads only: nothing here), `ADMIN`. `/actuator/health`, this \
                document and `/swagger-ui.html` are public too.

                Every refusal is `application/problem+json` with a `title`, a `detail` and, when fields are at \
                fault, an `errors` list naming each; a refused request changes nothing.""",
                List.of(tag("campaigns", "Editions of the survey: open one, move its deadline (admins)."),
                        tag("collectivités", "The cities and intercommunalities that answer: register, correct (admins)."),
                        tag("responses", "One collectivité's answers in one campaign: its respondents and admins write "
                                + "them; every write answers the response's new version in an `ETag`."),
                        tag("import", "Answer logs (NDJSON) applied line by line through the same rules (admins)."),
                        tag("accounts", "Sign-in (public) and the accounts admins create."),
                        tag("people", "The people behind the changes, named in one table only: admins erase them.")));
        api.getComponents()
                .addParameters(RequestAttribution.EFFECTIVE_AT, header(RequestAttribution.EFFECTIVE_AT, """
                        Admins only (403 for anyone else): when the answer was really given, if earlier than now, e.g. \
                        the date of a paper form. An ISO-8601 instant with an offset, not in the future. The cut-off \
                        views with `basis=effective` count the change from then.""",
                        new StringSchema().format("date-time"), "2014-02-10T09:00:00+01:00"))
                .addParameters(RequestAttribution.ON_BEHALF_OF, header(RequestAttribution.ON_BEHALF_OF, """
                        Admins only (403 for anyone else): the collectivité this answer is keyed in for; must be the \
                        one in the path, and needs `X-Change-Reason`.""", new StringSchema(), "nice-metropole"))
                .addParameters(RequestAttribution.REASON, header(RequestAttribution.REASON, """
                        Why the change is made, shown in the audit (at most 500 characters; UTF-8). Anyone may send it; \
                        required with `X-On-Behalf-Of`.""",
                        new StringSchema().maxLength(500), "Réponses transmises hors questionnaire en ligne"));
        return api;
    }

    @Bean
    public OperationCustomizer commandRefusals() {
        return ApiDocs.refusals();
    }

    @Bean
    public OperationCustomizer commandParameters() {
        return ApiDocs.parameters(Map.of(
                "campaign", new PathParameter().description("The campaign (edition) id.")
                        .schema(new StringSchema()).example("bvn-2014"),
                "collectivite", new PathParameter().description("The collectivité's id, stable across editions.")
                        .schema(new StringSchema()).example("vannes"),
                "project", new PathParameter().description("The project's id, a UUID its declaration chose.")
                        .schema(new StringSchema().format("uuid")).example("8330e23a-f607-5290-98e6-1db882b9b67e"),
                "statement", new PathParameter().description("An actor statement's key from the campaign's questionnaire.")
                        .schema(new StringSchema()).example("co_construction_city_citizens")));
    }

    /**
     * The If-Match, attribution headers and ETag of versioned writes, from the handlers' annotations: the handlers
     * read them through {@link WriteHeaders}, which springdoc does not see.
     */
    @Bean
    public OperationCustomizer writeHeaders() {
        return (operation, handler) -> {
            if (ApiDocs.annotation(handler, VersionedWrite.class) != null) {
                operation.addParametersItem(new HeaderParameter().name(WriteHeaders.IF_MATCH).required(false)
                        .description("""
                                Optional: the `ETag` of the version this change was made on (`"12"`, or `W/"12"`). If \
                                the response has changed since, the write is refused with 412 and changes nothing; \
                                without it the write applies to whatever version is current.""")
                        .schema(new StringSchema()).example("\"12\""));
            }
            AttributionHeaders attribution = ApiDocs.annotation(handler, AttributionHeaders.class);
            if (attribution != null) {
                reference(operation, RequestAttribution.EFFECTIVE_AT);
                if (attribution.onBehalfOf()) {
                    reference(operation, RequestAttribution.ON_BEHALF_OF);
                }
                reference(operation, RequestAttribution.REASON);
            }
            if (ApiDocs.annotation(handler, AppendsEvents.class) != null) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        response.addHeaderObject(EventPosition.HEADER, new Header().description("""
                                The store's head once this request's events were committed: at or past every event \
                                it appended. Pass it to query-service as `minPosition` for a view that holds them.""")
                                .schema(new IntegerSchema()).example(2834));
                    }
                });
            }
            if (ApiDocs.annotation(handler, VersionedWrite.class) != null) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        response.addHeaderObject(ETAG, new Header().description("""
                                The response's version after this write, to send back in `If-Match` (and as \
                                `minVersion` to query-service's response view).""")
                                .schema(new StringSchema().example("\"13\"")));
                    }
                });
            }
            return operation;
        };
    }

    @Bean
    public OpenApiCustomizer commandSharedParts() {
        return ApiDocs.sharedParts();
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    private static Parameter header(String name, String description, Schema<?> schema, String example) {
        return new HeaderParameter().name(name).description(description).required(false).schema(schema).example(example);
    }

    private static void reference(Operation operation, String parameter) {
        operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + parameter));
    }
}
