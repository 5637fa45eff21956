package io.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.barometer.command.testing.Http;
import io.barometer.query.testing.ServicesTest;

/**
 * Every route of query-service × every role: no token, a respondent of the collectivité the route is about, a
 * respondent of another, an analyst, an admin. The routes are read from Spring's own handler mapping, so a route
 * added without an expectation here fails the test instead of going out with whatever its rule happens to be.
 */
class RouteAccessTest extends ServicesTest {

    /** Who may call a route; everyone else gets 403, and 401 without a token. */
    enum Who {
        SIGNED_IN(true, true, true, true),
        OWN_ANALYST_ADMIN(true, false, true, true),
        OWN_ADMIN(true, false, false, true),
        ANALYST_ADMIN(false, false, true, true),
        ADMIN(false, false, false, true);

        final boolean own;
        final boolean other;
        final boolean analyst;
        final boolean admin;

        Who(boolean own, boolean other, boolean analyst, boolean admin) {
            this.own = own;
            this.other = other;
            this.analyst = analyst;
            this.admin = admin;
        }
    }

    /** DESIGN §6 and §11, route by route. */
    static final Map<String, Who> EXPECTED = Map.ofEntries(
            Map.entry("GET /api/campaigns", Who.SIGNED_IN),
            Map.entry("GET /api/campaigns/{campaign}", Who.SIGNED_IN),
            Map.entry("GET /api/campaigns/{campaign}/responses/{collectivite}", Who.OWN_ANALYST_ADMIN),
            // Who changed what: the collectivité's own people and admins, never analysts.
            Map.entry("GET /api/campaigns/{campaign}/responses/{collectivite}/history", Who.OWN_ADMIN),
            Map.entry("GET /api/campaigns/{campaign}/synthesis", Who.ANALYST_ADMIN),
            Map.entry("GET /api/comparisons", Who.ANALYST_ADMIN),
            Map.entry("GET /api/campaigns/{campaign}/exports/projects.csv", Who.ANALYST_ADMIN),
            Map.entry("GET /api/campaigns/{campaign}/exports/respondents.csv", Who.ANALYST_ADMIN),
            Map.entry("GET /api/audit", Who.ADMIN),
            Map.entry("GET /api/campaigns/{campaign}/progress", Who.ADMIN),
            Map.entry("GET /api/history.ndjson", Who.ADMIN),
            // What is kept about oneself, for everyone; who is kept, for admins only.
            Map.entry("GET /api/people/me", Who.SIGNED_IN),
            Map.entry("GET /api/people", Who.ADMIN),
            Map.entry("GET /api/people/{id}", Who.ADMIN),
            Map.entry("GET /api/admin/replay", Who.ADMIN),
            Map.entry("POST /api/admin/replay", Who.ADMIN));

    static List<String> routes() {
        RequestMappingHandlerMapping mapping = SERVICES.query.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        List<String> routes = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    routes.add(method.name() + " " + pattern);
                }
            }
        }
        return routes;
    }

    @Test
    void everyRouteHasAnExpectation() {
        assertThat(new TreeSet<>(routes())).isEqualTo(new TreeSet<>(EXPECTED.keySet()));
    }

    @Test
    void everyRouteAnswersEachRoleAsExpected() {
        String campaign = unique("roles");
        String mine = unique("quimper");
        String theirs = unique("vitre");
        importLog(AccessTest.twoResponses(campaign, mine, theirs));
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("own respondent", user(unique("quimper.dsi"), "RESPONDENT", mine));
        tokens.put("other respondent", user(unique("vitre.dsi"), "RESPONDENT", theirs));
        tokens.put("analyst", user(unique("analyst"), "ANALYST", null));
        tokens.put("admin", admin);
        // A person to read by id: the collectivité's own respondent.
        String person = query.get("/api/people/me", tokens.get("own respondent")).json().get("id").asText();
        awaitProjections();

        SoftAssertions soft = new SoftAssertions();
        for (String route : routes()) {
            Who who = EXPECTED.get(route);
            if (who == null) {
                continue;
            }
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1)
                    .replace("{campaign}", campaign).replace("{collectivite}", mine).replace("{id}", person)
                    + (route.endsWith("/api/comparisons") ? "?base=" + campaign + "&target=" + campaign : "");
            for (Map.Entry<String, String> role : tokens.entrySet()) {
                boolean allowed = switch (role.getKey()) {
                    case "own respondent" -> who.own;
                    case "other respondent" -> who.other;
                    case "analyst" -> who.analyst;
                    case "admin" -> who.admin;
                    default -> false;
                };
                Http.Reply reply = query.send(method, path, role.getValue(), null, Map.of());
                String what = route + " as " + role.getKey() + ": " + reply.body();
                if (role.getValue() == null) {
                    soft.assertThat(reply.status()).as(what).isEqualTo(401);
                } else if (allowed) {
                    soft.assertThat(reply.status()).as(what).isBetween(200, 299);
                } else {
                    soft.assertThat(reply.status()).as(what).isEqualTo(403);
                    soft.assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
                }
                if (method.equals("POST") && reply.status() == 202) {
                    // The admin's replay runs on: let it finish before the next call reads the projections.
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                            .until(() -> query.get("/api/admin/replay", admin).json().path("caughtUp").asBoolean());
                }
            }
        }
        soft.assertAll();
    }
}
