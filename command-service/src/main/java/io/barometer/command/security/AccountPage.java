package io.barometer.command.security;

import java.util.List;

/** One page of accounts ordered by username, with how many match the filters in all. */
public record AccountPage(List<AccountSummary> items, int page, int size, long total) {
}
