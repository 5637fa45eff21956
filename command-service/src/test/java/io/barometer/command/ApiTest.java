package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.command.testing.CommandServiceTest;
import io.barometer.command.testing.Http;

/**
 * Given/when/then helpers for HTTP tests. Every subclass shares one Spring context and so one database:
 * each test works on campaigns, collectivités and accounts of its own (unique ids), and asserts on the
 * events of its own aggregates or on the change of the total count, never on absolute totals.
 */
abstract class ApiTest extends CommandServiceTest {

    private static final AtomicInteger IDS = new AtomicInteger();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OPENS_2014 = "2013-12-01T00:00:00+01:00";
    static final String CLOSES_2014 = "2014-03-15T23:59:59+01:00";

    /** A slug no other test uses (and none of the reference datasets). */
    static String unique(String prefix) {
        return prefix + "-t" + IDS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
    }

    static String newProject() {
        return UUID.randomUUID().toString();
    }

    /** A respondent's answering context: its campaign, collectivité, token and the base path of its response. */
    record Respondent(String campaign, String collectivite, String username, String token) {
        String path() {
            return "/api/campaigns/" + campaign + "/responses/" + collectivite;
        }

        String responseId() {
            return campaign + ":" + collectivite;
        }
    }

    String openCampaign(String questionnaire) {
        String campaign = unique("camp");
        Http.Reply r = http.post("/api/campaigns", admin, Map.of("campaign", campaign, "year",
                "bvn-2013".equals(questionnaire) ? 2013 : 2014, "title", "Campagne " + campaign, "opensAt", OPENS_2014,
                "closesAt", CLOSES_2014, "questionnaire", questionnaire));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return campaign;
    }

    String registerCollectivite() {
        String collectivite = unique("coll");
        Http.Reply r = http.post("/api/collectivites", admin, collectivite(collectivite, 60000));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return collectivite;
    }

    static Map<String, Object> collectivite(String id, Integer population) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("collectivite", id);
        body.put("name", "Ville " + id);
        body.put("kind", "COMMUNE");
        body.put("region", "Bretagne");
        body.put("population", population);
        body.put("parentId", null);
        return body;
    }

    String newAccount(String role, String collectivite) {
        String username = unique(role.toLowerCase());
        Http.Reply r = createUser(username, role, collectivite);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return username;
    }

    String analystToken() {
        return login(newAccount("ANALYST", null));
    }

    /** A collectivité with a respondent account, in a campaign of its own; the response is not started. */
    Respondent respondent(String questionnaire) {
        String campaign = openCampaign(questionnaire);
        String collectivite = registerCollectivite();
        String username = newAccount("RESPONDENT", collectivite);
        return new Respondent(campaign, collectivite, username, login(username));
    }

    /** As {@link #respondent(String)} on the 2014 questionnaire, with its response started (version 1). */
    Respondent started() {
        Respondent r = respondent("bvn-2014");
        Http.Reply start = http.put(r.path(), r.token(), null);
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        assertThat(start.header("ETag")).isEqualTo("\"1\"");
        return r;
    }

    static Map<String, Object> project(String id, String domain, String catalogueItem, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("project", id);
        body.put("domain", domain);
        body.put("catalogueItem", catalogueItem);
        if (status != null) {
            body.put("status", status);
        }
        return body;
    }

    static Map<String, Object> educationProject(String id) {
        return project(id, "education", "digital_equipment_in_schools", "STUDY");
    }

    Http.Reply declare(Respondent r, Map<String, Object> body) {
        return http.post(r.path() + "/projects", r.token(), body);
    }

    Http.Reply send(String method, String path, String token, Object body, Map<String, String> headers) {
        return http.send(method, path, token, body, headers);
    }

    // ---- the stored events --------------------------------------------------------------------

    long eventsOf(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId).query(Long.class).single();
    }

    /** One stored row, its payload and metadata parsed by PostgreSQL itself as JSON. */
    record StoredEvent(long sequence, String type, String revision, String timestamp, JsonNode payload,
                       JsonNode metaData) {
    }

    List<StoredEvent> stored(String aggregateId) {
        return jdbc.sql("""
                        SELECT sequence_number, payload_type, payload_revision, time_stamp,
                               convert_from(payload, 'UTF8')::jsonb::text, convert_from(meta_data, 'UTF8')::jsonb::text
                        FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number
                        """)
                .param(aggregateId)
                .query((rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        read(rs.getString(5)), read(rs.getString(6))))
                .list();
    }

    StoredEvent last(String aggregateId) {
        List<StoredEvent> all = stored(aggregateId);
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String simpleType(StoredEvent e) {
        return e.type().substring(e.type().lastIndexOf('.') + 1);
    }

    // ---- problem+json -------------------------------------------------------------------------

    /** The reply is an RFC 9457 problem with that status whose errors name that field. */
    static void assertProblem(Http.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("title").asText()).isNotBlank();
        assertThat(reply.json().path("detail").asText()).isNotBlank();
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(reply.json().path("errors").findValuesAsText("field")).as(reply.body()).contains(field);
        }
    }

    static Map<String, String> headers(String... nameValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put(nameValues[i], nameValues[i + 1]);
        }
        return m;
    }
}
