package io.barometer.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;

import io.barometer.command.attribution.RequestIds;

/** The mappings no HTTP test can provoke on purpose. */
class ProblemHandlerTest {

    final ProblemHandler handler = new ProblemHandler();

    @Test
    void anUnexpectedFailureIsA500ProblemThatHidesTheExceptionAndNamesTheRequest() {
        MDC.put(RequestIds.MDC_KEY, "req-500");
        try {
            var reply = handler.unexpected(new IllegalStateException("connection to db-internal-7:5432 refused"));
            assertThat(reply.getStatusCode().value()).isEqualTo(500);
            assertThat(reply.getBody().getTitle()).isEqualTo("Internal Server Error");
            assertThat(reply.getBody().getDetail()).contains("req-500").doesNotContain("db-internal-7");
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    @Test
    void springsOwnRefusalsKeepTheirStatus() {
        var reply = handler.unexpected(new HttpRequestMethodNotSupportedException("GET", java.util.List.of("POST")));
        assertThat(reply.getStatusCode().value()).isEqualTo(405);
        assertThat(reply.getBody().getTitle()).isEqualTo("Method Not Allowed");
        assertThat(reply.getHeaders().getAllow()).containsExactly(HttpMethod.POST);
    }

    @Test
    void aMissingAggregateNamesWhatIsMissing() {
        assertThat(ProblemHandler.missing("campaign/bvn-2099").field()).isEqualTo("campaign");
        assertThat(ProblemHandler.missing("collectivite/atlantis").field()).isEqualTo("collectivite");
        var response = ProblemHandler.missing("bvn-2014:vannes");
        assertThat(response.field()).isEqualTo("collectivite");
        assertThat(response.message()).contains("vannes", "bvn-2014", "PUT /api/campaigns/bvn-2014/responses/vannes");
    }
}
