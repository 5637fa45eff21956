package io.barometer.web.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A page of accounts as command-service lists them, by username: never a password. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountsPage(List<Account> items, int page, int size, long total) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String personId, String username, String role, String collectiviteId, String displayName,
                          boolean enabled) {
    }
}
