package io.barometer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.barometer.command.testing.CommandServiceTest;

class WriteFlowTest extends CommandServiceTest {

    @Test
    void aRespondentDeclaresAProjectAndUpdatesItsProgress() {
        assertThat(http.post("/api/campaigns", admin, Map.of("campaign", "bvn-2014", "year", 2014, "title", "Baromètre 2014",
                "opensAt", "2013-12-01T00:00:00+01:00", "closesAt", "2014-03-15T23:59:59+01:00", "questionnaire", "bvn-2014"))
                .status()).isEqualTo(201);
        assertThat(http.post("/api/collectivites", admin, Map.of("collectivite", "vannes", "name", "Vannes", "kind", "COMMUNE",
                "region", "Bretagne", "population", 53000)).status()).isEqualTo(201);
        assertThat(createUser("vannes.dsi-1", "RESPONDENT", "vannes").status()).isEqualTo(201);
        String vannes = login("vannes.dsi-1");

        var started = http.put("/api/campaigns/bvn-2014/responses/vannes", vannes, null);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.header("ETag")).isEqualTo("\"1\"");

        String project = UUID.randomUUID().toString();
        var declared = http.post("/api/campaigns/bvn-2014/responses/vannes/projects", vannes, Map.of("project", project,
                "domain", "education", "catalogueItem", "digital_equipment_in_schools", "status", "STUDY"));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        assertThat(declared.header("ETag")).isEqualTo("\"2\"");

        var progressed = http.put("/api/campaigns/bvn-2014/responses/vannes/projects/" + project + "/progress", vannes,
                Map.of("status", "DONE"));
        assertThat(progressed.status()).as(progressed.body()).isEqualTo(200);
        assertThat(progressed.header("ETag")).isEqualTo("\"3\"");

        String metadata = jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2")
                .param("bvn-2014:vannes").query(String.class).single();
        assertThat(metadata).contains("\"userId\":\"vannes.dsi-1\"", "\"userRole\":\"RESPONDENT\"", "\"source\":\"api\"",
                "\"effectiveAt\"", "\"requestId\"");
    }
}
