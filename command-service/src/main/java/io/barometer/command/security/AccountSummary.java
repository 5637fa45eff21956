package io.barometer.command.security;

import java.util.UUID;

import io.barometer.events.UserRole;
import io.swagger.v3.oas.annotations.media.Schema;

/** An account as an admin may see it in a list: who, with which role, for which collectivité, whether it may sign in; no secret. */
public record AccountSummary(
        @Schema(description = "The person's id, the one events and the audit name them by")
        UUID personId,
        String username,
        UserRole role,
        @Schema(description = "The collectivité a respondent answers for; null for analysts and admins")
        String collectiviteId,
        String displayName,
        String email,
        @Schema(description = "false once an admin disabled it: it cannot sign in and its tokens are refused")
        boolean enabled) {

    static AccountSummary of(Account a) {
        return new AccountSummary(a.personId(), a.username(), a.role(), a.collectiviteId(), a.displayName(), a.email(),
                a.enabled());
    }
}
