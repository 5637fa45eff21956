package io.barometer.command.security;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.command.collectivite.CollectiviteDirectory;
import io.barometer.events.UserRole;
import io.barometer.support.openapi.Refusals;
import io.barometer.support.security.CurrentUser;
import io.barometer.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Admins create the accounts of respondents, analysts and other admins, and list them. */
@RestController
@Tag(name = "accounts")
public class UserController {

    @Schema(example = """
            {"username": "vannes.dsi-1", "password": "a-long-enough-password", "role": "RESPONDENT",
             "collectiviteId": "vannes", "displayName": "Direction du numérique, Vannes"}""")
    public record CreateUserRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
            @NotBlank @Size(min = 12, max = 200) String password,
            @NotNull UserRole role,
            @Size(max = 100) @Schema(description = "Required for a respondent, absent for anyone else")
            String collectiviteId,
            @Size(max = 200) String displayName,
            @Size(max = 320) @Pattern(regexp = "[^@\\s]+@[^@\\s]+") @Schema(description = "Optional; kept with the person, erased with them")
            String email) {
    }

    public record UserCreated(
            @Schema(description = "The person's id: events, the audit and the erasure name them by it")
            UUID personId, String username, UserRole role, String collectiviteId, String displayName, String email) {
    }

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final CollectiviteDirectory collectivites;

    public UserController(AccountRepository accounts, PasswordEncoder passwords, CollectiviteDirectory collectivites) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.collectivites = collectivites;
    }

    @PostMapping("/api/users")
    @Operation(operationId = "createUser", summary = "Create an account", description = """
            Admins. One account per person, so that the audit names who changed what. A respondent is bound to one \
            registered collectivité and answers only for it. The username, display name and e-mail are the person's \
            (erasable, see `POST /api/people/{id}/erasure`); a person already known from imported answers by that \
            username gets the account, so their earlier answers and their new ones are one person's.""")
    @Refusals({400, 403, 409, 413, 415})
    @ResponseStatus(HttpStatus.CREATED)
    public UserCreated create(@Valid @RequestBody CreateUserRequest request) {
        if (request.role() == UserRole.RESPONDENT) {
            if (request.collectiviteId() == null) {
                throw ApiException.invalid("collectiviteId", "a respondent is bound to one collectivité");
            }
            if (!collectivites.exists(request.collectiviteId())) {
                throw ApiException.invalid("collectiviteId", "no collectivité " + request.collectiviteId());
            }
        } else if (request.collectiviteId() != null) {
            throw ApiException.invalid("collectiviteId", "only respondents are bound to a collectivité");
        }
        UUID personId = accounts.insert(request.username(), passwords.encode(request.password()), request.role(),
                        request.collectiviteId(), request.displayName(), request.email(), CurrentUser.get().person())
                .orElseThrow(() -> ApiException.conflict("username", "this username is taken"));
        return new UserCreated(personId, request.username(), request.role(), request.collectiviteId(),
                request.displayName(), request.email());
    }

    @GetMapping("/api/users/{user}")
    @Operation(operationId = "getUser", summary = "One account", description = """
            Admins. The open account of a person, named by their person id (what a URL should carry) or username; \
            never a password or its hash.""")
    @Refusals({403, 404})
    public AccountSummary one(@PathVariable @Parameter(description = "A person id, or a username") String user) {
        return accounts.lookUp(user).map(AccountSummary::of)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "user", "no open account is this person's"));
    }

    @GetMapping("/api/users")
    @Operation(operationId = "listUsers", summary = "List the accounts", description = """
            Admins. The accounts ordered by username, a page at a time, optionally only one role or one \
            collectivité's respondents: who may answer, analyse or administer. Never a password or its hash.""")
    @Refusals({400, 403})
    public AccountPage list(
            @RequestParam(required = false) @Parameter(description = "Only this role") UserRole role,
            @RequestParam(required = false) @Size(max = 100)
            @Parameter(description = "Only the respondents of this collectivité") String collectivite,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return accounts.list(role, collectivite == null || collectivite.isBlank() ? null : collectivite, page, size);
    }
}
