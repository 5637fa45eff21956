package io.barometer.query.people;

import java.util.List;

/** A page of people, with how many there are in all. */
public record PeoplePage(List<PersonItem> items, int page, int size, long total) {
}
