package io.barometer.command.security;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.support.openapi.Refusals;
import io.barometer.support.security.CurrentUser;
import io.barometer.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An account's life after its creation: an admin disables and re-enables it, a person changes their password. */
@RestController
@Tag(name = "accounts")
public class AccountLifeCycleController {

    @Schema(example = """
            {"enabled": false, "reason": "A quitté la direction du numérique"}""")
    public record AccountStateRequest(@NotNull Boolean enabled,
                                      @NotBlank @Size(max = 500) @Schema(description = "Kept with who made the change")
                                      String reason) {
    }

    public record AccountStateChanged(String username, UUID personId, boolean enabled, boolean changed) {
    }

    @Schema(example = """
            {"currentPassword": "a-long-enough-password", "newPassword": "another-long-enough-password"}""")
    public record PasswordChangeRequest(@NotBlank @Size(max = 200) String currentPassword,
                                        @NotBlank @Size(min = 12, max = 200) String newPassword) {
    }

    private final AccountRepository accounts;
    private final AccountLifeCycle lifeCycle;
    private final SignInThrottle throttle;
    private final PasswordEncoder passwords;

    public AccountLifeCycleController(AccountRepository accounts, AccountLifeCycle lifeCycle, SignInThrottle throttle,
                                      PasswordEncoder passwords) {
        this.accounts = accounts;
        this.lifeCycle = lifeCycle;
        this.throttle = throttle;
        this.passwords = passwords;
    }

    @PatchMapping("/api/users/{user}")
    @Operation(operationId = "setAccountEnabled", summary = "Disable or re-enable an account", description = """
            Admins, with a reason kept beside who made the change. A disabled account cannot sign in, and every \
            token it was given is refused by both services within 60 s, also once it is enabled again (its person \
            signs in anew). An admin cannot disable their own account. `user` is the account's person id (what a URL \
            should carry: URLs end up in proxies' logs) or its username.""")
    @Refusals({400, 403, 404, 409, 413, 415})
    public AccountStateChanged setEnabled(@PathVariable @Parameter(description = "A person id, or a username") String user,
                                          @Valid @RequestBody AccountStateRequest body) {
        UUID me = CurrentUser.get().person();
        Account account = accounts.lookUp(user)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "user", "no open account is this person's"));
        if (!body.enabled() && me.equals(account.personId())) {
            throw ApiException.conflict("enabled", "an admin cannot disable their own account");
        }
        boolean changed = lifeCycle.setEnabled(account.personId(), body.enabled(), me, body.reason());
        return new AccountStateChanged(account.username(), account.personId(), body.enabled(), changed);
    }

    @PutMapping("/api/users/me/password")
    @Operation(operationId = "changeOwnPassword", summary = "Change one's own password", description = """
            Anyone signed in, for their own account, with the current password (whose failures count as failed \
            sign-ins). Every token the account was given, the one of this request included, is refused from then \
            on by both services within 60 s: sign in again with the new password.""")
    @ApiResponse(responseCode = "204", description = "Changed.")
    @Refusals({400, 413, 415, 422, 429})
    public ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChangeRequest body) {
        UUID me = CurrentUser.get().person();
        Account account = accounts.find(me).orElseThrow(() -> ApiException.unauthorized("this account is closed"));
        // Counted under the username, as a sign-in's failures are: guessing here or there adds up.
        throttle.retryAfter(account.username()).ifPresent(wait -> {
            throw SignInThrottle.tooMany(wait);
        });
        if (!passwords.matches(body.currentPassword(), account.passwordHash())) {
            throttle.failed(account.username());
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "currentPassword", "is not this account's password");
        }
        throttle.succeeded(account.username());
        lifeCycle.changePassword(me, passwords.encode(body.newPassword()));
        return ResponseEntity.noContent().build();
    }
}
