package io.barometer.web.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A page of the people of a collectivité, as query-service lists them for admins. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PeoplePage(List<Person> items, int page, int size, long total) {
}
