package io.barometer.web.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** command-service's answer to an erasure: who was erased, when and by whom (person ids, no name). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Erasure(String personId, Instant erasedAt, String erasedBy) {
}
