package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The README's worked example: a respondent logs in, declares a project and updates its progress. */
class WriteFlowTest extends ApiTest {

    @Test
    void aRespondentDeclaresAProjectAndUpdatesItsProgress() {
        String campaign = openCampaign("bvn-2014");
        String collectivite = registerCollectivite();
        String username = newAccount("RESPONDENT", collectivite);
        String token = login(username);
        String base = "/api/campaigns/" + campaign + "/responses/" + collectivite;

        var started = http.put(base, token, null);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.header("ETag")).isEqualTo("\"1\"");

        String project = UUID.randomUUID().toString();
        var declared = http.post(base + "/projects", token, Map.of("project", project,
                "domain", "education", "catalogueItem", "digital_equipment_in_schools", "status", "STUDY"));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        assertThat(declared.header("ETag")).isEqualTo("\"2\"");

        var progressed = http.put(base + "/projects/" + project + "/progress", token, Map.of("status", "DONE"));
        assertThat(progressed.status()).as(progressed.body()).isEqualTo(200);
        assertThat(progressed.header("ETag")).isEqualTo("\"3\"");

        String metadata = jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2")
                .param(campaign + ":" + collectivite).query(String.class).single();
        assertThat(metadata).contains("\"userId\":\"" + personId(username) + "\"", "\"userRole\":\"RESPONDENT\"", "\"source\":\"api\"",
                "\"effectiveAt\"", "\"requestId\"");
    }
}
