package io.barometer.query.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.barometer.support.openapi.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.tags.Tag;

/** query-service's OpenAPI document (/v3/api-docs) and what its API docs UI shows: DESIGN §6, the reads. */
@Configuration
public class ApiDocsConfig {

    private static final String INSTANT = "2014-03-15T23:59:59+01:00";

    @Bean
    public OpenAPI queryApi() {
        return ApiDocs.document("Barometer query-service", "1.0", """
                The reads of the Baromètre des villes numériques, rebuilt from every answer change: each \
                questionnaire and every statistic as of any cut-off, comparisons between editions, the audit trail, \
                exports for SPSS and Excel, and how far each collectivité has got.

                Every view takes the cut-off `asOf` (an ISO-8601 instant with an offset, or `closing` for the \
                campaign's official closing; default: now) and `basis` (`effective`, when answers were given, the \
                default; or `recorded`, when the system stored them). The same parameters always give the same figures \
                once the view is complete: every view says in `projection` (the CSV and NDJSON files in the headers \
                `X-Projection-Position`, `X-Store-Head`, `X-View-Complete`) how far the projection had got against \
                the store's head, and a synthesis computed before it caught up has a `provisional:` fingerprint. \
                `minPosition`, the `X-Event-Position` of a write or an import, waits until the view holds it.

                Send `Authorization: Bearer <token>` with a token from command-service's `POST /api/auth/token`; in \
                the docs UI, press *Authorize* and paste it. Roles: `RESPONDENT` (its own collectivité's response \
                and history), `ANALYST` (views, synthesis, comparisons, exports), `ADMIN` (everything). \
                `/actuator/health`, this document and `/swagger-ui.html` are public. Every refusal is \
                `application/problem+json` with a `title`, a `detail` and an `errors` list naming each bad parameter.""",
                List.of(tag("views", "Campaigns and one collectivité's questionnaire as of a cut-off."),
                        tag("synthesis", "Every statistic of a campaign as of a cut-off (analysts, admins)."),
                        tag("comparisons", "Two editions side by side (analysts, admins)."),
                        tag("audit", "Who changed what, when, from which value to which."),
                        tag("exports", "CSV files for SPSS and Excel (analysts, admins)."),
                        tag("progress", "Who has started, filled in and submitted (admins)."),
                        tag("people", "What is kept about each person, and the people of a collectivité (admins)."),
                        tag("replay", "Rebuilding the projections from the event store (admins).")));
    }

    @Bean
    public OperationCustomizer queryRefusals() {
        return ApiDocs.refusals();
    }

    @Bean
    public OperationCustomizer queryParameters() {
        String asOf = "The cut-off: an ISO-8601 instant with an offset, or `closing` for the campaign's current "
                + "official closing. Default: now.";
        return ApiDocs.parameters(Map.ofEntries(
                Map.entry("campaign", parameter("The campaign (edition) id.", new StringSchema(), "bvn-2014")),
                Map.entry("collectivite", parameter("The collectivité's id, stable across editions.",
                        new StringSchema(), "vannes")),
                Map.entry("asOf", parameter(asOf, new StringSchema(), INSTANT)),
                Map.entry("basis", parameter("Which clock the cut-off applies to: `effective` (when answers were "
                        + "given) or `recorded` (when the system stored them).", choice("effective", "recorded"),
                        "effective")),
                Map.entry("exclude", parameter("Collectivités left out of the figures, comma-separated.",
                        new StringSchema(), "nice-metropole,chambery")),
                Map.entry("lateRespondents", parameter("`exclude` leaves out the responses started after the "
                        + "closing, whatever the cut-off.", choice("include", "exclude"), "exclude")),
                Map.entry("minVersion", parameter("The `ETag` of a write: wait (briefly) until the view holds that "
                        + "version, or 503.", new StringSchema(), "\"13\"")),
                Map.entry("minPosition", parameter("The `X-Event-Position` of a write or an import: wait (up to a "
                        + "few seconds) until the projection holds every event through it, or 503 saying how far "
                        + "behind it is.", new IntegerSchema().minimum(java.math.BigDecimal.ONE), 2834)),
                Map.entry("base", parameter("The earlier edition.", new StringSchema(), "bvn-2013")),
                Map.entry("target", parameter("The later edition.", new StringSchema(), "bvn-2014")),
                Map.entry("baseAsOf", parameter("The base's cut-off; default: its own closing.", new StringSchema(),
                        "closing")),
                Map.entry("targetAsOf", parameter("The target's cut-off; default: its own closing.",
                        new StringSchema(), "closing")),
                Map.entry("panel", parameter("`true` keeps only the respondents present in both editions.",
                        new BooleanSchema(), false)),
                Map.entry("delimiter", parameter("The CSV field separator.", choice("comma", "semicolon", "tab"),
                        "semicolon")),
                Map.entry("page", parameter("The page, from 0.", new IntegerSchema().minimum(java.math.BigDecimal.ZERO),
                        0)),
                Map.entry("size", parameter("Rows per page, 1 to 500.", new IntegerSchema()
                        .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(500)), 50)),
                Map.entry("sort", parameter("The order of the rows.", choice("lastChange", "startedAt", "collectivite"),
                        "lastChange")),
                Map.entry("order", parameter("Ascending or descending.", choice("asc", "desc"), "desc")),
                Map.entry("clock", parameter("Which clock `from` and `to` apply to.", choice("recorded", "effective"),
                        "recorded")),
                Map.entry("from", parameter("Changes at or after this instant.",
                        new StringSchema().format("date-time"), "2014-03-16T00:00:00+01:00")),
                Map.entry("to", parameter("Changes up to this instant.", new StringSchema().format("date-time"),
                        "2014-05-07T00:00:00+02:00")),
                Map.entry("user", parameter("Changes made by this person: their person id or their username.",
                        new StringSchema(), "vannes.dsi-1")),
                Map.entry("project", parameter("Changes of this project.", new StringSchema().format("uuid"),
                        "8330e23a-f607-5290-98e6-1db882b9b67e"))));
    }

    @Bean
    public OpenApiCustomizer querySharedParts() {
        return ApiDocs.sharedParts();
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    private static Parameter parameter(String description, Schema<?> schema, Object example) {
        return new Parameter().description(description).schema(schema).example(example);
    }

    private static Schema<?> choice(String... values) {
        return new StringSchema()._enum(List.of(values));
    }
}
