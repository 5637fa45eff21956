package io.barometer.web.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.web.api.Projection;

/** The text that cites a view, and when a view may be cited. */
class CitationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode view(boolean complete) throws Exception {
        return JSON.readTree("""
                {"campaign":"bvn-2014","asOf":"2014-03-15T22:59:59Z","basis":"effective","eventsThrough":2834,
                 "fingerprint":"%s","projection":{"position":%d,"head":2900,"complete":%s}}
                """.formatted(complete ? "sha256:ab12" : "provisional:sha256:ab12", complete ? 2900 : 2850, complete));
    }

    @Test
    void aCitationGivesTheAddressCutAtTheViewsInstantThenWhatItRestsOn() throws Exception {
        var form = new SynthesisController.ViewForm("closing", "effective", "nice-metropole, chambery", true);

        String citation = SynthesisController.citation("https://barometre.example", "bvn-2014", form, view(true));

        assertThat(citation.lines().toList()).containsExactly(
                "https://barometre.example/campaigns/bvn-2014/synthesis?asOf=2014-03-15T22%3A59%3A59Z"
                        + "&basis=effective&exclude=nice-metropole%2Cchambery&lateRespondents=exclude",
                "asOf: 2014-03-15T22:59:59Z", "basis: effective", "eventsThrough: 2834", "fingerprint: sha256:ab12");
    }

    @Test
    void onlyAViewThatSaysItIsIncompleteIsProvisional() throws Exception {
        assertThat(Projection.incomplete(Projection.of(view(false)))).isTrue();
        assertThat(Projection.of(view(false))).isEqualTo(new Projection(2850, 2900, false));
        assertThat(Projection.incomplete(Projection.of(view(true)))).isFalse();
        // A service that predates the field says nothing about it: no banner rather than a false alarm.
        assertThat(Projection.incomplete(Projection.of(JSON.readTree("{\"fingerprint\":\"sha256:ab12\"}")))).isFalse();
    }
}
