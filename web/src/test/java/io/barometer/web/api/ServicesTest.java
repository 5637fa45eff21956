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
    private Services services;

    @BeforeEach
    void listen() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            byte[] body = "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        services = new Services(url, url, new ObjectMapper());
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
}
