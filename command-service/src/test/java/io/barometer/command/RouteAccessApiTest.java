package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.barometer.command.testing.Http;

/**
 * Every route of command-service × every role: no token, a respondent of the collectivité the route is about, a
 * respondent of another, an analyst, an admin. The routes come from Spring's own handler mapping, so a route added
 * without an expectation here fails. Each allowed call runs on a response of its own and must succeed; each refused
 * one gets 401 or 403 and stores nothing.
 */
class RouteAccessApiTest extends ApiTest {

    enum Who {
        ANYONE, SIGNED_IN, OWN_ADMIN, ADMIN
    }

    /** A route's expectation and a body that would succeed. */
    record Expected(Who who, Object body) {
    }

    static final String STATEMENT = "co_construction_city_citizens";
    static final String RESPONSE = "/api/campaigns/{campaign}/responses/{collectivite}";

    Map<String, Expected> expected() {
        Map<String, Expected> e = new LinkedHashMap<>();
        e.put("POST /api/auth/token", new Expected(Who.ANYONE, Map.of("username", ADMIN, "password", ADMIN_PASSWORD)));
        e.put("POST /api/users", new Expected(Who.ADMIN, Map.of("username", unique("u"),
                "password", "a-long-enough-password", "role", "ANALYST")));
        e.put("GET /api/users", new Expected(Who.ADMIN, null));
        e.put("POST /api/people/{id}/erasure", new Expected(Who.ADMIN, Map.of("reason", "Demande d'effacement")));
        e.put("PATCH /api/users/{user}", new Expected(Who.ADMIN, Map.of("enabled", false, "reason", "Parti")));
        e.put("GET /api/users/{user}", new Expected(Who.ADMIN, null));
        // The body's current password is filled in per caller: each changes their own.
        e.put("PUT /api/users/me/password", new Expected(Who.SIGNED_IN, null));
        e.put("POST /api/campaigns", new Expected(Who.ADMIN, Map.of("campaign", unique("c"), "year", 2014, "title", "T",
                "opensAt", OPENS_2014, "closesAt", CLOSES_2014, "questionnaire", "bvn-2014")));
        e.put("PUT /api/campaigns/{campaign}/deadline", new Expected(Who.ADMIN, Map.of("closesAt", "2014-05-01T00:00:00Z")));
        e.put("POST /api/collectivites", new Expected(Who.ADMIN, collectivite(unique("coll"), 1000)));
        e.put("PATCH /api/collectivites/{collectivite}", new Expected(Who.ADMIN,
                Map.of("population", 1234, "reason", "INSEE")));
        e.put("POST /api/import", new Expected(Who.ADMIN, null));
        e.put("PUT " + RESPONSE, new Expected(Who.OWN_ADMIN, null));
        e.put("PUT " + RESPONSE + "/profile", new Expected(Who.OWN_ADMIN, Map.of("role", "ELECTED", "worksInDigital", true)));
        e.put("POST " + RESPONSE + "/projects", new Expected(Who.OWN_ADMIN, educationProject(newProject())));
        e.put("PUT " + RESPONSE + "/projects/{project}/progress", new Expected(Who.OWN_ADMIN, Map.of("status", "DONE")));
        e.put("PUT " + RESPONSE + "/projects/{project}/governance", new Expected(Who.OWN_ADMIN, Map.of("measure", 2)));
        e.put("DELETE " + RESPONSE + "/projects/{project}", new Expected(Who.OWN_ADMIN, null));
        e.put("PUT " + RESPONSE + "/motivations", new Expected(Who.OWN_ADMIN, Map.of("ranking", ResponseApiTest.RANKING)));
        e.put("PUT " + RESPONSE + "/actors/{statement}", new Expected(Who.OWN_ADMIN, Map.of("level", "AGREE")));
        e.put("POST " + RESPONSE + "/submit", new Expected(Who.OWN_ADMIN, null));
        e.put("POST " + RESPONSE + "/reopen", new Expected(Who.ADMIN, null));
        return e;
    }

    static List<String> routes(RequestMappingHandlerMapping mapping) {
        List<String> routes = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        routes.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        return routes;
    }

    @Test
    void everyRouteHasAnExpectation(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        assertThat(new TreeSet<>(routes(mapping))).isEqualTo(new TreeSet<>(expected().keySet()));
    }

    @Test
    void everyRouteAnswersEachRoleAsExpected(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        String mine = registerCollectivite();
        String theirs = registerCollectivite();
        SoftAssertions soft = new SoftAssertions();
        for (String route : routes(mapping)) {
            // Accounts of their own for every route: a password change or a disable revokes the caller's tokens.
            Map<String, String> usernames = new LinkedHashMap<>();
            usernames.put("anonymous", null);
            usernames.put("own respondent", newAccount("RESPONDENT", mine));
            usernames.put("other respondent", newAccount("RESPONDENT", theirs));
            usernames.put("analyst", newAccount("ANALYST", null));
            usernames.put("admin", newAccount("ADMIN", null));
            Map<String, String> tokens = new LinkedHashMap<>();
            usernames.forEach((role, username) -> tokens.put(role, username == null ? null : login(username)));
            for (Map.Entry<String, String> role : tokens.entrySet()) {
                // Fresh bodies (new ids) and a fresh response for every call, so that an allowed one can succeed.
                Expected expected = expected().get(route);
                if (expected == null) {
                    continue;
                }
                String campaign = openCampaign("bvn-2014");
                String project = newProject();
                String response = "/api/campaigns/" + campaign + "/responses/" + mine;
                assertThat(http.put(response, admin, null).status()).isEqualTo(200);
                assertThat(http.post(response + "/projects", admin, educationProject(project)).status()).isEqualTo(201);
                if (route.endsWith("/reopen")) {
                    assertThat(http.post(response + "/submit", admin, null).status()).isEqualTo(200);
                }
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1).replace("{campaign}", campaign)
                        .replace("{collectivite}", mine).replace("{project}", project).replace("{statement}", STATEMENT)
                        .replace("{user}", newAccount("ANALYST", null));
                if (path.contains("{id}")) {
                    path = path.replace("{id}", personId(newAccount("ANALYST", null)));
                }
                boolean importing = path.equals("/api/import");
                String caller = usernames.get(role.getKey());
                Object body = importing ? "{\"op\":\"moveDeadline\",\"at\":\"2014-01-01T00:00:00Z\",\"by\":\"x\","
                        + "\"campaign\":\"" + campaign + "\",\"closesAt\":\"2014-05-01T00:00:00Z\"}"
                        : path.equals("/api/users/me/password") ? Map.of("currentPassword", caller + "-password-1",
                        "newPassword", "a-new-long-enough-password") : expected.body();
                boolean allowed = switch (role.getKey()) {
                    case "admin" -> true;
                    case "anonymous" -> expected.who() == Who.ANYONE;
                    case "own respondent" -> expected.who() != Who.ADMIN;
                    default -> expected.who() == Who.ANYONE || expected.who() == Who.SIGNED_IN;
                };
                long before = eventCount();
                Http.Reply reply = send(method, path, role.getValue(), body,
                        importing ? Map.of("Content-Type", "application/x-ndjson") : Map.of());
                String what = route + " as " + role.getKey() + ": " + reply.body();
                if (allowed) {
                    soft.assertThat(reply.status()).as(what).isBetween(200, 299);
                } else {
                    soft.assertThat(reply.status()).as(what).isEqualTo(role.getValue() == null ? 401 : 403);
                    soft.assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
                    soft.assertThat(eventCount()).as(what).isEqualTo(before);
                }
            }
        }
        soft.assertAll();
    }
}
