package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.updates.UpdateChecker;
import org.axonframework.updates.configuration.UsagePropertyProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.command.testing.Http;

/**
 * The stored rows themselves (snake_case table, JSON payloads, revision, metadata) and the platform
 * choices behind them (JDBC event store, no JPA, no Axon Server, no update checker).
 */
class StoredEventsTest extends ApiTest {

    static final List<String> ALWAYS = List.of("userId", "userRole", "source", "requestId", "effectiveAt");

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @Test
    void theEventStoreIsSnakeCaseWithByteaColumnsAndNoOid() {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1
                        """).query(String.class).list();
        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "token_entry")
                .doesNotContain("domainevententry", "snapshotevententry", "tokenentry");
        Map<String, String> types = jdbc.sql("""
                        SELECT column_name, data_type FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name = 'domain_event_entry'
                        """).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(types).containsEntry("global_index", "bigint").containsEntry("payload", "bytea")
                .containsEntry("meta_data", "bytea").containsEntry("aggregate_identifier", "character varying")
                .containsEntry("sequence_number", "bigint").containsEntry("payload_revision", "character varying");
        String globalIndexDefault = jdbc.sql("""
                        SELECT column_default FROM information_schema.columns
                        WHERE table_name = 'domain_event_entry' AND column_name = 'global_index'
                        """).query(String.class).single();
        assertThat(globalIndexDefault).startsWith("nextval(");
        long oidColumns = jdbc.sql("""
                        SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'oid'
                        """).query(Long.class).single();
        assertThat(oidColumns).isZero();
    }

    @Test
    void eachWriteStoresAJsonPayloadOfRevisionOneWithItsAttribution() {
        Respondent r = started();
        String p = newProject();
        Http.Reply reply = send("POST", r.path() + "/projects", r.token(), project(p, "education", null, null),
                headers("X-Request-Id", "req-stored-1"));
        // No label nor catalogue item: refused. Then a valid declaration with a free label.
        assertThat(reply.status()).isEqualTo(422);
        Map<String, Object> labelled = Map.of("project", p, "domain", "education", "label", "Robots en classe");
        Http.Reply ok = send("POST", r.path() + "/projects", r.token(), labelled, headers("X-Request-Id", "req-stored-2"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.header("X-Request-Id")).isEqualTo("req-stored-2");

        StoredEvent event = last(r.responseId());
        assertThat(event.type()).isEqualTo("io.barometer.events.ProjectDeclared");
        assertThat(event.revision()).isEqualTo("1");
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.payload().path("label").asText()).isEqualTo("Robots en classe");
        // Stored events use Axon's own JSON settings, not the web's (which leaves nulls out).
        assertThat(event.payload().has("catalogueItem")).isTrue();
        assertThat(event.payload().get("catalogueItem").isNull()).isTrue();
        assertThat(event.payload().path("governance").has("measure")).isTrue();

        var meta = event.metaData();
        assertThat(meta.path("userId").asText()).isEqualTo(personId(r.username()));
        assertThat(meta.path("userRole").asText()).isEqualTo("RESPONDENT");
        assertThat(meta.path("source").asText()).isEqualTo("api");
        assertThat(meta.path("requestId").asText()).isEqualTo("req-stored-2");
        // Not stated: the answer counts when it was stored, to the stored millisecond.
        assertThat(meta.path("effectiveAt").asText()).isEqualTo(event.timestamp());
        assertThat(meta.has("onBehalfOf")).isFalse();
        assertThat(meta.has("importedBy")).isFalse();
        assertThat(meta.has("reason")).isFalse();
    }

    @Test
    void anAdminsEntryForARespondentStoresTheStatedInstantAndWhy() {
        Respondent r = respondent("bvn-2014");
        Http.Reply start = send("PUT", r.path(), admin, null, headers("X-Effective-At", "2014-01-05T10:00:00+01:00",
                "X-On-Behalf-Of", r.collectivite(), "X-Change-Reason", "Formulaire papier du 5 janvier"));
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        Http.Reply declared = send("POST", r.path() + "/projects", admin, educationProject(newProject()),
                headers("X-Effective-At", "2014-02-10T10:00:00+01:00", "X-On-Behalf-Of", r.collectivite(),
                        "X-Change-Reason", "Formulaire papier du 10 fevrier"));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);

        List<StoredEvent> events = stored(r.responseId());
        assertThat(events.get(0).metaData().path("effectiveAt").asText()).isEqualTo("2014-01-05T09:00:00Z");
        var meta = events.get(1).metaData();
        assertThat(meta.path("effectiveAt").asText()).isEqualTo("2014-02-10T09:00:00Z");
        assertThat(Instant.parse(events.get(1).timestamp())).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(meta.path("userId").asText()).isEqualTo(personId(ADMIN));
        assertThat(meta.path("userRole").asText()).isEqualTo("ADMIN");
        assertThat(meta.path("onBehalfOf").asText()).isEqualTo(r.collectivite());
        assertThat(meta.path("reason").asText()).isEqualTo("Formulaire papier du 10 fevrier");
        assertThat(meta.path("source").asText()).isEqualTo("api");
    }

    @Test
    void aReasonHeaderWrittenInUtf8IsStoredAsWritten() throws Exception {
        Respondent r = started();
        byte[] body = "{\"role\":\"ELECTED\",\"worksInDigital\":true}".getBytes(StandardCharsets.UTF_8);
        String head = "PUT " + r.path() + "/profile HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAuthorization: Bearer " + r.token() + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\nX-Change-Reason: ";
        // What curl sends for a French reason: the header's bytes in UTF-8, unencoded.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write("reçu en février".getBytes(StandardCharsets.UTF_8));
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            assertThat(status).startsWith("HTTP/1.1 200");
        }
        assertThat(last(r.responseId()).metaData().path("reason").asText()).isEqualTo("reçu en février");
    }

    @Test
    void aRequestIdIsGivenWhenTheCallerSendsNoneOrAnInsaneOne() {
        Respondent r = started();
        Http.Reply none = http.put(r.path() + "/profile", r.token(), Map.of("role", "ELECTED", "worksInDigital", true));
        String given = none.header("X-Request-Id");
        assertThat(given).matches("[0-9a-f-]{36}");
        assertThat(last(r.responseId()).metaData().path("requestId").asText()).isEqualTo(given);

        Http.Reply insane = send("PUT", r.path() + "/profile", r.token(), Map.of("role", "ADMIN_STAFF",
                "worksInDigital", true), headers("X-Request-Id", "bad id with spaces"));
        assertThat(insane.header("X-Request-Id")).isNotEqualTo("bad id with spaces").matches("[0-9a-f-]{36}");
        assertThat(last(r.responseId()).metaData().path("requestId").asText()).isEqualTo(insane.header("X-Request-Id"));

        // Refusals echo it too, so that a client can quote it.
        Http.Reply refused = send("PUT", r.path() + "/profile", null, Map.of(), headers("X-Request-Id", "req-401"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("X-Request-Id")).isEqualTo("req-401");
    }

    @Test
    void everyStoredEventIsJsonOfRevisionOneWithTheAttributionKeys() {
        started();
        long total = eventCount();
        assertThat(total).isPositive();
        long notRevisionOne = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_revision IS DISTINCT FROM '1'")
                .query(Long.class).single();
        assertThat(notRevisionOne).isZero();
        long jsonObjects = jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE jsonb_typeof(convert_from(payload, 'UTF8')::jsonb) = 'object'
                          AND jsonb_typeof(convert_from(meta_data, 'UTF8')::jsonb) = 'object'
                        """).query(Long.class).single();
        assertThat(jsonObjects).isEqualTo(total);
        long withAllKeys = jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE convert_from(meta_data, 'UTF8')::jsonb ??& ARRAY['userId', 'userRole', 'source', 'requestId', 'effectiveAt']
                        """).query(Long.class).single();
        assertThat(withAllKeys).isEqualTo(total);
        long effectiveAfterRecorded = jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE (convert_from(meta_data, 'UTF8')::jsonb ->> 'effectiveAt')::timestamptz > time_stamp::timestamptz
                        """).query(Long.class).single();
        assertThat(effectiveAfterRecorded).isZero();
    }

    @Test
    void noPasswordNorTokenIsEverStored() {
        String collectivite = registerCollectivite();
        String username = unique("secret-keeper");
        String password = "p4ss-" + username + "-word";
        assertThat(http.post("/api/users", admin, Map.of("username", username, "password", password, "role", "RESPONDENT",
                "collectiviteId", collectivite)).status()).isEqualTo(201);
        String token = http.token(username, password);
        String campaign = openCampaign("bvn-2014");
        String path = "/api/campaigns/" + campaign + "/responses/" + collectivite;
        assertThat(http.put(path, token, null).status()).isEqualTo(200);
        assertThat(send("PUT", path + "/profile", token, Map.of("role", "ELECTED", "worksInDigital", true),
                headers("X-Change-Reason", "profil")).status()).isEqualTo(200);

        for (String secret : List.of(password, token, token.split("\\.")[2], ADMIN_PASSWORD, admin, JWT_SECRET)) {
            long found = jdbc.sql("""
                            SELECT (SELECT count(*) FROM domain_event_entry
                                    WHERE position(? IN convert_from(payload, 'UTF8')) > 0
                                       OR position(? IN convert_from(meta_data, 'UTF8')) > 0)
                                 + (SELECT count(*) FROM snapshot_event_entry
                                    WHERE position(? IN convert_from(payload, 'UTF8')) > 0
                                       OR position(? IN convert_from(meta_data, 'UTF8')) > 0)
                            """).params(secret, secret, secret, secret).query(Long.class).single();
            assertThat(found).as("events holding a secret").isZero();
        }
        long metadataWithSecretishKeys = jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE convert_from(meta_data, 'UTF8')::jsonb ??| ARRAY['password', 'token', 'authorization', 'Authorization']
                        """).query(Long.class).single();
        assertThat(metadataWithSecretishKeys).isZero();
    }

    @Test
    void theEventStoreIsAppendOnly() {
        Respondent r = started();
        assertThatThrownBy(() -> jdbc.sql("UPDATE domain_event_entry SET payload_revision = '2' WHERE aggregate_identifier = ?")
                .param(r.responseId()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(r.responseId()).update()).hasMessageContaining("append-only");
        assertThat(eventsOf(r.responseId())).isEqualTo(1);
    }

    @Test
    void eventsGoToTheJdbcStoreThroughAxonsOwnJson(@Autowired EventStorageEngine engine,
                                                  @Autowired @Qualifier("eventSerializer") Serializer events,
                                                  @Autowired @Qualifier("messageSerializer") Serializer messages,
                                                  @Autowired Serializer general,
                                                  @Autowired ObjectMapper web) {
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
        for (Serializer s : List.of(events, messages, general)) {
            assertThat(s).isInstanceOf(JacksonSerializer.class);
            assertThat(((JacksonSerializer) s).getObjectMapper()).isNotSameAs(web);
        }
    }

    @Test
    void nothingOnTheClasspathOrInTheContextReachesOutside() {
        // With JPA present Axon silently prefers its JPA stores; Axon Server would connect out.
        assertThat(ClassUtils.isPresent("jakarta.persistence.EntityManager", null)).isFalse();
        assertThat(ClassUtils.isPresent("org.hibernate.Session", null)).isFalse();
        // The connector ships for the axonserver profile, but is off: no connection manager is created.
        assertThat(environment.getProperty("axon.axonserver.enabled", Boolean.class)).isFalse();
        assertThat(context.getBeanNamesForType(ClassUtils.resolveClassName(
                "org.axonframework.axonserver.connector.AxonServerConnectionManager", null))).isEmpty();
        assertThat(environment.getProperty("axon.update-check.disabled", Boolean.class)).isTrue();
        assertThat(context.getBeanNamesForType(UpdateChecker.class)).isEmpty();
        assertThat(context.getBeanNamesForType(UsagePropertyProvider.class)).isEmpty();
    }
}
