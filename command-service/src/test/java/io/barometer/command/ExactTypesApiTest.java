package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.barometer.command.importing.ImportService;
import io.barometer.command.testing.Http;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The corpus of wrong shapes (DESIGN §11, "types are exact"): every field of every body the service reads, and of
 * every import op, given each value of a wrong JSON type, is refused with a problem naming that field by its JSON
 * path and saying in the API's words what it should have been; nothing is stored. A route or an op added without
 * its fields here is caught by {@link #everyWriteRouteAndOpIsInTheCorpus}.
 */
class ExactTypesApiTest extends ApiTest {

    /** What a field holds, with the wrong values to try on it and the start of the message that must refuse them. */
    enum Kind {
        TEXT("must be a text", "12345", "2.5", "false", "{\"a\":\"b\"}", "[\"a\"]"),
        INTEGER("must be an integer", "\"\"", "\" \"", "\"\\u0000\"", "\"\\t\\n\"", "\"3\"", "2.5", "2.0", "true",
                "{}", "[3]"),
        BOOLEAN("must be true or false", "\"\"", "\" \"", "\"\\u0000\"", "\"true\"", "1", "0", "{}", "[true]"),
        ENUM("must be one of", "\"\"", "\" \"", "\"\\u0000\"", "1", "0", "true", "{}", "[]"),
        INSTANT("must be an ISO-8601 instant", "\"\"", "\" \"", "\"\\u0000\"", "\"1388534400\"", "1388534400",
                "1388534400.5", "true", "{}", "[]"),
        LIST("must be a list", "\"SERVICE_QUALITY\"", "\" \"", "1", "true", "{}"),
        OBJECT("must be an object", "\"x\"", "\" \"", "\"\"", "1", "true", "[]");

        final String message;
        final List<String> wrong;

        Kind(String message, String... wrong) {
            this.message = message;
            this.wrong = List.of(wrong);
        }
    }

    record Field(String path, Kind kind) {
        /** The JSON path as a problem names it ({@code ranking[0]}) as a pointer into the body. */
        JsonPointer pointer() {
            return JsonPointer.compile("/" + path.replace(".", "/").replace("[", "/").replace("]", ""));
        }
    }

    static Field f(String path, Kind kind) {
        return new Field(path, kind);
    }

    /** A valid body of one write, its caller and the fields it carries; {@code importOp}: a line of an answer log. */
    record Write(String name, String method, String path, String token, ObjectNode valid, List<Field> fields,
                 boolean importOp) {
    }

    static final List<Field> GOVERNANCE = List.of(f("measure", Kind.INTEGER), f("means", Kind.INTEGER),
            f("managementMode", Kind.ENUM), f("decisionMode", Kind.ENUM), f("coordination", Kind.ENUM));
    static final List<Field> MOTIVATIONS = List.of(f("ranking", Kind.LIST), f("ranking[0]", Kind.ENUM),
            f("definitions", Kind.OBJECT), f("definitions.SERVICE_QUALITY", Kind.LIST),
            f("definitions.SERVICE_QUALITY[0]", Kind.TEXT));
    static final List<Field> LINE = List.of(f("at", Kind.INSTANT), f("by", Kind.TEXT), f("onBehalfOf", Kind.TEXT),
            f("reason", Kind.TEXT), f("recordedAt", Kind.INSTANT), f("byRole", Kind.ENUM));
    static final List<Field> RESPONSE = List.of(f("campaign", Kind.TEXT), f("collectivite", Kind.TEXT));

    static ObjectNode body(Object... nameValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < nameValues.length; i += 2) {
            node.set((String) nameValues[i], JSON.valueToTree(nameValues[i + 1]));
        }
        return node;
    }

    static List<Field> fields(List<Field> first, Field... more) {
        List<Field> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all;
    }

    static List<Field> prefixed(String prefix, List<Field> fields) {
        return fields.stream().map(x -> f(prefix + "." + x.path(), x.kind())).toList();
    }

    /** Every write route that reads a JSON body, each on a response, campaign and collectivité that exist. */
    List<Write> routes(Respondent r, String project) {
        String response = r.path();
        String changing = newAccount("ANALYST", null);
        Map<String, Object> governance = Map.of("measure", 3, "means", 2, "managementMode", "REGIE",
                "decisionMode", "UNILATERAL", "coordination", "DEDICATED_TEAM");
        Map<String, Object> definitions = Map.of("SERVICE_QUALITY", List.of("better_fit_to_user_expectations",
                "more_efficient_services", "easier_innovation"));
        return List.of(
                new Write("issueToken", "POST", "/api/auth/token", null,
                        body("username", ADMIN, "password", ADMIN_PASSWORD),
                        List.of(f("username", Kind.TEXT), f("password", Kind.TEXT)), false),
                new Write("createUser", "POST", "/api/users", admin,
                        body("username", unique("u"), "password", "a-long-enough-password", "role", "RESPONDENT",
                                "collectiviteId", r.collectivite(), "displayName", "Quelqu'un", "email", "q@example.fr"),
                        List.of(f("username", Kind.TEXT), f("password", Kind.TEXT), f("role", Kind.ENUM),
                                f("collectiviteId", Kind.TEXT), f("displayName", Kind.TEXT), f("email", Kind.TEXT)), false),
                new Write("openCampaign", "POST", "/api/campaigns", admin,
                        body("campaign", unique("c"), "year", 2014, "title", "T", "opensAt", OPENS_2014,
                                "closesAt", CLOSES_2014, "questionnaire", "bvn-2014"),
                        List.of(f("campaign", Kind.TEXT), f("year", Kind.INTEGER), f("title", Kind.TEXT),
                                f("opensAt", Kind.INSTANT), f("closesAt", Kind.INSTANT), f("questionnaire", Kind.TEXT)),
                        false),
                new Write("moveDeadline", "PUT", "/api/campaigns/" + r.campaign() + "/deadline", admin,
                        body("closesAt", "2014-04-30T23:59:59+02:00"), List.of(f("closesAt", Kind.INSTANT)), false),
                new Write("registerCollectivite", "POST", "/api/collectivites", admin,
                        body("collectivite", unique("coll"), "name", "N", "kind", "COMMUNE", "region", "Bretagne",
                                "population", 1000, "parentId", "agglo"),
                        List.of(f("collectivite", Kind.TEXT), f("name", Kind.TEXT), f("kind", Kind.ENUM),
                                f("region", Kind.TEXT), f("population", Kind.INTEGER), f("parentId", Kind.TEXT)), false),
                new Write("correctCollectivite", "PATCH", "/api/collectivites/" + r.collectivite(), admin,
                        body("name", "N2", "kind", "COMMUNE", "region", "Normandie", "population", 2000,
                                "parentId", "agglo", "reason", "INSEE"),
                        List.of(f("name", Kind.TEXT), f("kind", Kind.ENUM), f("region", Kind.TEXT),
                                f("population", Kind.INTEGER), f("parentId", Kind.TEXT), f("reason", Kind.TEXT)), false),
                new Write("answerProfile", "PUT", response + "/profile", admin,
                        body("role", "ELECTED", "worksInDigital", true, "organisation", "DSI"),
                        List.of(f("role", Kind.ENUM), f("worksInDigital", Kind.BOOLEAN), f("organisation", Kind.TEXT)),
                        false),
                new Write("declareProject", "POST", response + "/projects", admin,
                        body("project", newProject(), "domain", "education", "label", "Tablettes", "status", "DONE",
                                "governance", governance),
                        fields(prefixed("governance", GOVERNANCE), f("project", Kind.TEXT), f("domain", Kind.TEXT),
                                f("label", Kind.TEXT), f("catalogueItem", Kind.TEXT), f("status", Kind.ENUM),
                                f("governance", Kind.OBJECT)), false),
                new Write("updateProgress", "PUT", response + "/projects/" + project + "/progress", admin,
                        body("status", "DONE"), List.of(f("status", Kind.ENUM)), false),
                new Write("scoreGovernance", "PUT", response + "/projects/" + project + "/governance", admin,
                        (ObjectNode) JSON.valueToTree(governance), GOVERNANCE, false),
                new Write("withdrawProject", "DELETE", response + "/projects/" + project, admin,
                        body("reason", "Doublon"), List.of(f("reason", Kind.TEXT)), false),
                new Write("rankMotivations", "PUT", response + "/motivations", admin,
                        body("ranking", ResponseApiTest.RANKING, "definitions", definitions), MOTIVATIONS, false),
                new Write("rateActorStatement", "PUT", response + "/actors/co_construction_city_citizens", admin,
                        body("level", "AGREE"), List.of(f("level", Kind.ENUM)), false),
                new Write("erasePerson", "POST", "/api/people/" + personId(newAccount("ANALYST", null)) + "/erasure",
                        admin, body("reason", "Demande d'effacement"), List.of(f("reason", Kind.TEXT)), false),
                new Write("setAccountEnabled", "PATCH", "/api/users/" + newAccount("ANALYST", null), admin,
                        body("enabled", false, "reason", "Parti"),
                        List.of(f("enabled", Kind.BOOLEAN), f("reason", Kind.TEXT)), false),
                // Its own account: a password changed by the valid body must not be the admin's, which tests share.
                new Write("changeOwnPassword", "PUT", "/api/users/me/password", login(changing),
                        body("currentPassword", changing + "-password-1", "newPassword", "a-new-long-enough-password"),
                        List.of(f("currentPassword", Kind.TEXT), f("newPassword", Kind.TEXT)), false));
    }

    /** Every op of the answer log (DESIGN §7), each a line that would apply as it is. */
    List<Write> importOps(Respondent r, String project) {
        String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        Object[] where = {"campaign", r.campaign(), "collectivite", r.collectivite()};
        List<Write> ops = new ArrayList<>();
        ops.add(op("openCampaign", at, body("campaign", unique("c"), "year", 2014, "title", "T", "opensAt", OPENS_2014,
                "closesAt", CLOSES_2014, "questionnaire", "bvn-2014"), f("campaign", Kind.TEXT),
                f("year", Kind.INTEGER), f("title", Kind.TEXT), f("opensAt", Kind.INSTANT), f("closesAt", Kind.INSTANT),
                f("questionnaire", Kind.TEXT)));
        ops.add(op("moveDeadline", at, body("campaign", r.campaign(), "closesAt", "2014-04-30T23:59:59+02:00"),
                f("campaign", Kind.TEXT), f("closesAt", Kind.INSTANT)));
        ops.add(op("registerCollectivite", at, body("collectivite", unique("coll"), "name", "N", "kind", "COMMUNE",
                "region", "Bretagne", "population", 1000, "parentId", "agglo"), f("collectivite", Kind.TEXT),
                f("name", Kind.TEXT), f("kind", Kind.ENUM), f("region", Kind.TEXT), f("population", Kind.INTEGER),
                f("parentId", Kind.TEXT)));
        ops.add(op("correctCollectivite", at, body("collectivite", r.collectivite(), "name", "N2", "kind", "COMMUNE",
                "region", "Normandie", "population", 2000, "parentId", "agglo", "reason", "INSEE"),
                f("collectivite", Kind.TEXT), f("name", Kind.TEXT), f("kind", Kind.ENUM), f("region", Kind.TEXT),
                f("population", Kind.INTEGER), f("parentId", Kind.TEXT)));
        ops.add(op("startResponse", at, body(where)));
        ops.add(op("answerProfile", at, body(where).setAll(body("role", "ADMIN_STAFF", "worksInDigital", false,
                "organisation", "DSI")), f("role", Kind.ENUM), f("worksInDigital", Kind.BOOLEAN),
                f("organisation", Kind.TEXT)));
        ObjectNode declared = body(where).setAll(body("project", newProject(), "domain", "education", "label", "Tablettes",
                "status", "DONE", "governance", Map.of("measure", 3, "means", 2, "managementMode", "REGIE",
                        "decisionMode", "UNILATERAL", "coordination", "DEDICATED_TEAM")));
        ops.add(op("declareProject", at, declared, fields(prefixed("governance", GOVERNANCE), f("project", Kind.TEXT),
                f("domain", Kind.TEXT), f("label", Kind.TEXT), f("catalogueItem", Kind.TEXT), f("status", Kind.ENUM),
                f("governance", Kind.OBJECT)).toArray(Field[]::new)));
        ops.add(op("updateProgress", at, body(where).setAll(body("project", project, "status", "IN_PROGRESS")),
                f("project", Kind.TEXT), f("status", Kind.ENUM)));
        ops.add(op("scoreGovernance", at, body(where).setAll(body("project", project, "measure", 1, "means", 1,
                "managementMode", "DSP", "decisionMode", "OTHER", "coordination", "EXTERNAL_ACTOR")),
                fields(GOVERNANCE, f("project", Kind.TEXT)).toArray(Field[]::new)));
        ops.add(op("withdrawProject", at, body(where).setAll(body("project", project)), f("project", Kind.TEXT)));
        ops.add(op("rankMotivations", at, body(where).setAll(body("ranking", ResponseApiTest.RANKING, "definitions",
                Map.of("SERVICE_QUALITY", List.of("more_efficient_services", "better_fit_to_user_expectations",
                        "easier_innovation")))), MOTIVATIONS.toArray(Field[]::new)));
        ops.add(op("rateActorStatement", at, body(where).setAll(body("statement", "co_construction_city_citizens",
                "level", "DISAGREE")), f("statement", Kind.TEXT), f("level", Kind.ENUM)));
        ops.add(op("submitResponse", at, body(where)));
        ops.add(op("reopenResponse", at, body(where)));
        return ops;
    }

    Write op(String op, String at, ObjectNode fields, Field... own) {
        ObjectNode line = body("op", op, "at", at, "by", "someone");
        line.setAll(fields);
        List<Field> all = new ArrayList<>(LINE);
        all.addAll(List.of(own));
        if (fields.has("campaign") && fields.has("collectivite") && !op.equals("openCampaign")) {
            all.addAll(RESPONSE.stream().filter(x -> all.stream().noneMatch(y -> y.path().equals(x.path()))).toList());
        }
        return new Write(op, "POST", "/api/import", admin, line, all, true);
    }

    @Test
    void everyFieldRefusesEveryWrongShapeAndStoresNothing() {
        Respondent r = started();
        String project = newProject();
        assertThat(declare(r, educationProject(project)).status()).isEqualTo(201);
        List<Write> writes = new ArrayList<>(routes(r, project));
        writes.addAll(importOps(r, project));
        long events = eventCount();
        long accounts = accountCount();
        long changes = accountChanges();

        SoftAssertions soft = new SoftAssertions();
        int tried = 0;
        for (Write write : writes) {
            for (Field field : write.fields()) {
                for (String wrong : field.kind().wrong) {
                    tried++;
                    ObjectNode body = write.valid().deepCopy();
                    JsonNode parent = body.at(field.pointer().head());
                    String last = field.pointer().last().getMatchingProperty();
                    JsonNode value = read(wrong);
                    if (parent instanceof ArrayNode list) {
                        list.set(Integer.parseInt(last), value);
                    } else {
                        ((ObjectNode) parent).set(last, value);
                    }
                    Http.Reply reply = write.importOp()
                            ? send("POST", write.path(), admin, body.toString(),
                                    Map.of("Content-Type", "application/x-ndjson"))
                            : send(write.method(), write.path(), write.token(), body, Map.of());
                    String what = write.name() + " " + field.path() + "=" + wrong + ": " + reply.body();
                    soft.assertThat(reply.status()).as(what).isEqualTo(write.importOp() ? 422 : 400);
                    soft.assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
                    if (reply.json() == null) {
                        continue;
                    }
                    JsonNode error = reply.json().path("errors").path(0);
                    soft.assertThat(error.path("field").asText()).as(what).isEqualTo(field.path());
                    soft.assertThat(error.path("message").asText()).as(what).startsWith(field.kind().message)
                            .doesNotContain("java", "io.barometer", "`", "coerce");
                    soft.assertThat(reply.json().path("detail").asText()).as(what)
                            .doesNotContain("java", "io.barometer", "`", "coerce");
                    if (write.importOp()) {
                        soft.assertThat(reply.json().path("line").asInt()).as(what).isEqualTo(1);
                    }
                }
            }
        }
        soft.assertThat(eventCount()).as("events stored by refused writes").isEqualTo(events);
        soft.assertThat(accountCount()).as("accounts created by refused writes").isEqualTo(accounts);
        soft.assertThat(accountChanges()).as("accounts changed by refused writes").isEqualTo(changes);
        soft.assertAll();
        assertThat(tried).isGreaterThan(700);
    }

    @Test
    void theCorpusValidBodiesAreAccepted() {
        // Each refusal above must be the wrong value's doing: every body as given is a write that succeeds.
        Respondent r = started();
        String project = newProject();
        String imported = newProject();
        assertThat(declare(r, educationProject(project)).status()).isEqualTo(201);
        assertThat(declare(r, educationProject(imported)).status()).isEqualTo(201);
        for (Write write : routes(r, project)) {
            Http.Reply reply = send(write.method(), write.path(), write.token(), write.valid(),
                    Map.of());
            assertThat(reply.status()).as(write.name() + ": " + reply.body()).isBetween(200, 204);
        }
        List<Write> ops = importOps(r, imported);
        String log = String.join("\n", ops.stream().map(w -> w.valid().toString()).toList());
        Http.Reply reply = send("POST", "/api/import", admin, log, Map.of("Content-Type", "application/x-ndjson"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("lines").asInt()).isEqualTo(ops.size());
    }

    /**
     * The corpus cannot fall behind the API: every route reading a JSON body is in it under its operation id, with
     * each field of its request record; and every op the import knows.
     */
    @Test
    void everyWriteRouteAndOpIsInTheCorpus(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        Respondent r = new Respondent("c", "v", "u", "t");
        Map<String, Write> corpus = new HashMap<>();
        routes(r, "p").forEach(w -> corpus.put(w.name(), w));
        int bodies = 0;
        for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (!parameter.hasParameterAnnotation(RequestBody.class)) {
                    continue;
                }
                bodies++;
                String operation = handler.getMethodAnnotation(Operation.class).operationId();
                assertThat(corpus).as(operation).containsKey(operation);
                Class<?> type = parameter.getParameterType();
                if (type.isRecord()) {
                    List<String> walked = corpus.get(operation).fields().stream().map(Field::path).toList();
                    assertThat(walked).as(operation).containsAll(Arrays.stream(type.getRecordComponents())
                            .map(RecordComponent::getName).toList());
                }
            }
        }
        assertThat(bodies).isEqualTo(corpus.size());
        assertThat(importOps(r, "p").stream().map(Write::name)).containsExactlyInAnyOrderElementsOf(ImportService.ops());
    }

    @Test
    void theMessagesNameTheRangeAndTheValuesTheApiDocuments() {
        Respondent r = started();
        String project = newProject();
        assertThat(declare(r, educationProject(project)).status()).isEqualTo(201);
        Http.Reply blank = http.put(r.path() + "/projects/" + project + "/governance", r.token(), Map.of("measure", " "));
        assertProblem(blank, 400, "measure");
        assertThat(blank.json().path("errors").path(0).path("message").asText())
                .isEqualTo("must be an integer from 1 to 4");
        Http.Reply role = http.put(r.path() + "/profile", r.token(), Map.of("role", "\u0000", "worksInDigital", true));
        assertProblem(role, 400, "role");
        assertThat(role.json().path("errors").path(0).path("message").asText())
                .isEqualTo("must be one of ELECTED, ADMIN_STAFF");
        Http.Reply population = send("PATCH", "/api/collectivites/" + r.collectivite(), admin,
                Map.of("population", "   ", "reason", "INSEE"), Map.of());
        assertProblem(population, 400, "population");
        assertThat(population.json().path("errors").path(0).path("message").asText())
                .isEqualTo("must be an integer from 0 to 20000000");
    }

    long accountChanges() {
        return jdbc.sql("SELECT count(*) FROM account_change").query(Long.class).single();
    }

    long accountCount() {
        return jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
    }
}
