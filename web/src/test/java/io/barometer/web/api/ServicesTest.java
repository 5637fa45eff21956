package io.barometer.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** What the services receive of a query the page passes on: each value exactly as typed, decoded once. */
class ServicesTest {

    private HttpServer server;
    private final List<String> received = new ArrayList<>();
    /** Each request's method and body, beside its path and query in {@link #received}. */
    private final List<String> sent = new ArrayList<>();
    /** What the services answer, a page with nothing on it unless a test says otherwise. */
    private volatile String reply = "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}";
    private Services services;

    @BeforeEach
    void listen() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            sent.add(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        services = new Services(url, url, new ObjectMapper().findAndRegisterModules());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aTypedInstantReachesTheServiceAsTypedNotEncodedTwice() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("collectivite", "lille");
        filters.put("from", "2014-03-15T23:00:00+01:00");
        filters.put("user", "a b&c=d%");
        services.audit(Caller.of("token"), filters);

        String raw = received.get(0);
        assertThat(raw).startsWith("/api/audit?");
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : raw.substring(raw.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(query).containsExactlyEntriesOf(filters);
    }

    @Test
    void aPathVariableIsStillEncodedSoThatItStaysOneSegment() {
        services.accounts(Caller.of("token"), "ANALYST", "", 0, 100);
        services.history(Caller.of("token"), "bvn-2014", "x/../y?z");
        assertThat(received.get(0)).isEqualTo("/api/users?role=ANALYST&page=0&size=100");
        assertThat(received.get(1)).startsWith("/api/campaigns/bvn-2014/responses/x%2F..%2Fy%3Fz/history?");
    }

    @Test
    void theSignedInPersonIsReadAsQueryServiceGivesThem() {
        reply = """
                {"id": "3f2a9c1b-7d4e-4c2a-9b1f-0e6d5c4b3a29", "username": "marie", "displayName": "Marie Le Goff",
                 "email": "marie@vannes.example", "collectiviteId": "vannes", "role": "RESPONDENT", "enabled": true,
                 "createdAt": "2026-01-05T09:00:00Z", "changes": 42}""";

        Person me = services.me(Caller.of("token"));

        assertThat(received.get(0)).isEqualTo("/api/people/me?null");
        assertThat(me).isEqualTo(new Person("3f2a9c1b-7d4e-4c2a-9b1f-0e6d5c4b3a29", "marie", "Marie Le Goff",
                "marie@vannes.example", "vannes", "RESPONDENT", true, java.time.Instant.parse("2026-01-05T09:00:00Z"),
                null, 42));
    }

    @Test
    void anErasureIsPostedWithItsReasonToThePersonsOwnPath() {
        reply = """
                {"personId": "3f2a9c1b-7d4e-4c2a-9b1f-0e6d5c4b3a29", "erasedAt": "2026-03-12T13:02:00Z",
                 "erasedBy": "0b9d6c1e-2f3a-4b5c-8d7e-6f5a4b3c2d1e"}""";

        Erasure erasure = services.erase(Caller.of("token"), "3f2a9c1b-7d4e-4c2a-9b1f-0e6d5c4b3a29", "À sa demande");

        assertThat(received.get(0)).isEqualTo("/api/people/3f2a9c1b-7d4e-4c2a-9b1f-0e6d5c4b3a29/erasure?null");
        assertThat(sent.get(0)).isEqualTo("POST {\"reason\":\"À sa demande\"}");
        assertThat(erasure.erasedAt()).isEqualTo(java.time.Instant.parse("2026-03-12T13:02:00Z"));
    }

    @Test
    void thePeopleOfACollectiviteAreAskedPageByPage() {
        services.people(Caller.of("token"), "vannes", 2, 100);
        services.people(Caller.of("token"), "", 0, 100);

        assertThat(received).containsExactly("/api/people?collectivite=vannes&page=2&size=100",
                "/api/people?page=0&size=100");
    }
}
