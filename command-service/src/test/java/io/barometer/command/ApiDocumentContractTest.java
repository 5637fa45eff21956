package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.barometer.command.testing.Http;

/**
 * What /v3/api-docs promises is what the service answers: for a few representative calls, the status is one the
 * operation documents, each header the document lists for it is sent, the media type is the documented one and the
 * body fits the documented schema (no member missing, none undocumented, types, enums and formats as written).
 */
class ApiDocumentContractTest extends ApiTest {

    private static final String PROJECTS = "/api/campaigns/{campaign}/responses/{collectivite}/projects";
    private static final String PROGRESS = PROJECTS + "/{project}/progress";

    private JsonNode document;

    @BeforeEach
    void readDocument() {
        Http.Reply reply = http.get("/v3/api-docs", null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        document = reply.json();
    }

    @Test
    void aDeclarationFromTheDocumentedExampleAnswersTheDocumented201WithETagAndLocation() {
        Respondent r = started();
        ObjectNode example = schema("DeclareProjectRequest").path("example").deepCopy();
        example.put("project", newProject());

        Http.Reply reply = http.post(r.path() + "/projects", r.token(), example);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("ETag")).isEqualTo("\"2\"");
        assertThat(reply.header("Location")).endsWith(r.path() + "/projects/" + example.path("project").asText());
        assertDocumented("post", PROJECTS, reply);
    }

    @Test
    void aStaleIfMatchAnswersTheDocumented412Problem() {
        Respondent r = started();
        String project = newProject();
        assertThat(declare(r, educationProject(project)).status()).isEqualTo(201);

        Http.Reply reply = send("PUT", r.path() + "/projects/" + project + "/progress", r.token(),
                Map.of("status", "DONE"), headers("If-Match", "\"1\""));

        assertProblem(reply, 412, "If-Match");
        assertDocumented("put", PROGRESS, reply);
    }

    @Test
    void aRespondentAnsweringForAnotherCollectiviteGetsTheDocumented403Problem() {
        Respondent r = started();
        Respondent other = started();

        Http.Reply reply = http.post(other.path() + "/projects", r.token(), educationProject(newProject()));

        assertProblem(reply, 403, null);
        assertDocumented("post", PROJECTS, reply);
    }

    @Test
    void aRespondentOpeningACampaignGetsTheDocumented403Problem() {
        Respondent r = started();

        Http.Reply reply = http.post("/api/campaigns", r.token(), schema("OpenCampaignRequest").path("example"));

        assertProblem(reply, 403, null);
        assertDocumented("post", "/api/campaigns", reply);
    }

    @Test
    void theAccountsListAnswersTheDocumented200AndRefusesARespondentAsDocumented() {
        Respondent r = started();

        Http.Reply list = http.get("/api/users?collectivite=" + r.collectivite(), admin);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().path("items")).isNotEmpty();
        assertDocumented("get", "/api/users", list);

        Http.Reply refused = http.get("/api/users", r.token());
        assertProblem(refused, 403, null);
        assertDocumented("get", "/api/users", refused);
    }

    @Test
    void aCallWithoutATokenGetsTheDocumented401Problem() {
        Respondent r = started();

        Http.Reply reply = http.post(r.path() + "/projects", null, educationProject(newProject()));

        assertProblem(reply, 401, null);
        assertDocumented("post", PROJECTS, reply);
    }

    @Test
    void theDocsUiOffersABearerAuthorizationAndSendsTheDocumentNowhere() {
        Http.Reply config = http.get("/v3/api-docs/swagger-config", null);

        assertThat(config.status()).as(config.body()).isEqualTo(200);
        assertThat(config.json().path("persistAuthorization").asBoolean()).isTrue();
        assertThat(config.json().path("validatorUrl").asText()).isEqualTo("none");
        JsonNode bearer = document.path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asText()).isEqualTo("http");
        assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
        assertThat(document.path("security").findValues("bearer")).hasSize(1);
        JsonNode signIn = document.path("paths").path("/api/auth/token").path("post").path("security");
        assertThat(signIn.isArray() && signIn.isEmpty()).as("sign-in is public: %s", signIn).isTrue();
    }

    // ---- the document ----------------------------------------------------------------------------

    private void assertDocumented(String method, String path, Http.Reply reply) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isObject()).as("%s %s is documented", method, path).isTrue();
        JsonNode response = resolve(operation.path("responses").path(String.valueOf(reply.status())));
        assertThat(response.isObject()).as("%s %s documents %s", method, path, reply.status()).isTrue();
        for (Iterator<String> names = response.path("headers").fieldNames(); names.hasNext(); ) {
            String header = names.next();
            assertThat(reply.header(header)).as("documented header %s", header).isNotNull();
        }
        String mediaType = reply.header("Content-Type").split(";")[0].trim();
        JsonNode content = response.path("content").path(mediaType);
        assertThat(content.isObject()).as("%s answers %s, documented: %s", path, mediaType, response.path("content"))
                .isTrue();
        conforms(reply.json(), content.path("schema"), "body");
    }

    private JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        assertThat(schema.isObject()).as("schema %s", name).isTrue();
        return schema;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String[] parts = node.path("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    /** The few JSON Schema keywords springdoc writes for these bodies, checked strictly. */
    private void conforms(JsonNode value, JsonNode schemaOrRef, String where) {
        JsonNode schema = resolve(schemaOrRef);
        JsonNode types = schema.path("type");
        if (value == null || value.isNull()) {
            assertThat(types.toString()).as("%s may be null", where).contains("\"null\"");
            return;
        }
        String type = types.isArray() ? types.path(0).asText() : types.asText();
        switch (type) {
            case "object" -> {
                assertThat(value.isObject()).as("%s is an object: %s", where, value).isTrue();
                schema.path("required").forEach(required ->
                        assertThat(value.has(required.asText())).as("%s.%s is required", where, required.asText()).isTrue());
                value.fields().forEachRemaining(member -> {
                    JsonNode property = schema.path("properties").get(member.getKey());
                    if (property == null) {
                        property = schema.get("additionalProperties");
                    }
                    assertThat(property).as("%s.%s is documented", where, member.getKey()).isNotNull();
                    conforms(member.getValue(), property, where + "." + member.getKey());
                });
            }
            case "array" -> {
                assertThat(value.isArray()).as("%s is an array", where).isTrue();
                int i = 0;
                for (JsonNode item : value) {
                    conforms(item, schema.path("items"), where + "[" + i++ + "]");
                }
            }
            case "string" -> {
                assertThat(value.isTextual()).as("%s is text: %s", where, value).isTrue();
                if (schema.has("enum")) {
                    assertThat(schema.path("enum").toString()).as("%s's enum", where).contains("\"" + value.asText() + "\"");
                }
                switch (schema.path("format").asText()) {
                    case "uuid" -> UUID.fromString(value.asText());
                    case "date-time" -> OffsetDateTime.parse(value.asText());
                    default -> { }
                }
            }
            case "integer" -> {
                assertThat(value.isIntegralNumber()).as("%s is an integer: %s", where, value).isTrue();
                if (schema.has("minimum")) {
                    assertThat(value.asLong()).as("%s's minimum", where).isGreaterThanOrEqualTo(schema.path("minimum").asLong());
                }
                if (schema.has("maximum")) {
                    assertThat(value.asLong()).as("%s's maximum", where).isLessThanOrEqualTo(schema.path("maximum").asLong());
                }
            }
            case "number" -> assertThat(value.isNumber()).as("%s is a number", where).isTrue();
            case "boolean" -> assertThat(value.isBoolean()).as("%s is a boolean", where).isTrue();
            default -> fail("%s: the document gives no type for %s", where, value);
        }
    }
}
