package io.barometer.command.people;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.command.security.PersonIds;
import io.barometer.support.openapi.Refusals;
import io.barometer.support.security.CurrentUser;
import io.barometer.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An admin erases a person (GDPR art. 17): the name goes, the history and every figure stay. */
@RestController
@Tag(name = "people")
public class PeopleController {

    @Schema(example = """
            {"reason": "Demande d'effacement reçue le 3 décembre 2026"}""")
    public record ErasureRequest(@NotBlank @Size(max = 500)
                                 @Schema(description = "Kept with the erasure; write it without the person's name")
                                 String reason) {
    }

    public record Erased(UUID personId, Instant erasedAt,
                         @Schema(description = "The admin who erased them, by person id") UUID erasedBy) {
    }

    private final People people;

    public PeopleController(People people) {
        this.people = people;
    }

    @PostMapping("/api/people/{id}/erasure")
    @Operation(operationId = "erasePerson", summary = "Erase a person", description = """
            Admins. Clears the person's username, display name and e-mail, closes their account (it never signs in \
            again; every token it was given is refused by both services within 60 s) and forgets their failed \
            sign-ins. Events are never rewritten: they name people by id only, so the audit, the history and the \
            exports keep showing that one person (as "personne effacée", the same id each time) made those changes, \
            and every figure stays as it was. The erasure is recorded by when, who and why, never by the erased \
            name. Erasing an erased person again answers the first erasure. An admin cannot erase themself.""")
    @Refusals({400, 403, 404, 409, 413, 415})
    public Erased erase(@PathVariable @Parameter(description = "The person's id (a UUID)") String id,
                        @Valid @RequestBody ErasureRequest body) {
        UUID person = PersonIds.parse(id)
                .orElseThrow(() -> ApiException.invalid("id", "must be a person's id (a UUID)"));
        UUID me = CurrentUser.get().person();
        if (me.equals(person)) {
            throw ApiException.conflict("id", "an admin cannot erase themself");
        }
        return people.erase(person, me, body.reason().strip())
                .map(e -> new Erased(e.personId(), e.erasedAt(), e.erasedBy()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "id", "no person with this id"));
    }
}
