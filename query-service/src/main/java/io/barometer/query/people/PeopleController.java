package io.barometer.query.people;

import static io.barometer.query.asof.ViewParameters.slug;
import static io.barometer.query.asof.ViewParameters.wholeNumber;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.support.openapi.Refusals;
import io.barometer.support.security.CurrentUser;
import io.barometer.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * GET /api/people/me (anyone signed in): what the product keeps about the caller. GET /api/people (admins): the
 * people of a collectivité, erased ones included, so that an admin can find whom to erase.
 */
@RestController
@Tag(name = "people")
public class PeopleController {

    static final int MAX_SIZE = 500;

    private final PeopleRepository people;

    public PeopleController(PeopleRepository people) {
        this.people = people;
    }

    @GetMapping("/api/people/me")
    @Operation(operationId = "getMe", summary = "What is kept about me", description = """
            Anyone signed in. The caller's record: person id, username, display name, e-mail, collectivité, \
            the account's role and whether it is enabled, when the record was created, and `changes`, the number \
            of stored changes made by them (events whose author is their person id).""")
    @Refusals({404, 503})
    public PersonItem me() {
        String id = CurrentUser.get().personId();
        return people.one(id).orElseThrow(() -> ApiException.notFound("id", "no person has this token's id"));
    }

    @GetMapping("/api/people/{id}")
    @Operation(operationId = "getPerson", summary = "One person", description = """
            Admins. One person by id, as the list gives them: what an admin reads before erasing them.""")
    @Refusals({403, 404, 503})
    public PersonItem one(@PathVariable @Parameter(description = "The person's id (a UUID)") String id) {
        return people.one(id).orElseThrow(() -> ApiException.notFound("id", "no person has this id"));
    }

    @GetMapping("/api/people")
    @Operation(operationId = "listPeople", summary = "People, per collectivité", description = """
            Admins. The people of a collectivité (`collectivite`), or everyone without it, by name, erased people \
            last: each with their id, username, display name, e-mail, collectivité, role and `enabled` (both null \
            for a person without an account, such as the author of imported answers), creation and erasure \
            instants and `changes`, the number of stored changes made by them. An erased person keeps only their \
            id, dates and count.""")
    @Refusals({400, 403, 503})
    public PeoplePage list(@RequestParam(required = false) String collectivite,
                           @RequestParam(defaultValue = "0") String page,
                           @RequestParam(defaultValue = "50") String size) {
        return people.page(slug("collectivite", collectivite), wholeNumber("page", page, 0, Integer.MAX_VALUE),
                wholeNumber("size", size, 1, MAX_SIZE));
    }
}
