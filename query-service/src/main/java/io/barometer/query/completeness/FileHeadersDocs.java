package io.barometer.query.completeness;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/** A file has no room for a view's {@code projection}: it comes in headers, documented here on every file route. */
@Configuration
public class FileHeadersDocs {

    @Bean
    public OperationCustomizer fileCompleteness() {
        return (operation, handler) -> {
            ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
            if (ok != null && ok.getContent() != null
                    && ok.getContent().keySet().stream().noneMatch(type -> type.equals("application/json"))) {
                ok.addHeaderObject(CompletenessCheck.POSITION_HEADER, header("Every event up to this position of the "
                        + "store is projected (a view's `projection.position`).", new IntegerSchema()));
                ok.addHeaderObject(CompletenessCheck.HEAD_HEADER, header("The store's highest position when the file "
                        + "was cut.", new IntegerSchema()));
                ok.addHeaderObject(CompletenessCheck.COMPLETE_HEADER, header("`true` when the projection had reached "
                        + "the head; `false`: the file may still change without any new answer.", new BooleanSchema()));
            }
            return operation;
        };
    }

    private static Header header(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }
}
