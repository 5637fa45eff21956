package io.barometer.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.barometer.web.api.Person;
import io.barometer.web.api.Services;

/**
 * The signed-in person's name for the page header, read from query-service's {@code /api/people/me} and kept in
 * this instance's memory for a few minutes. Never in the session: the session table is shared, lasts, and must
 * hold no name (issue #23). A name changed or erased elsewhere shows here within {@link #TTL}.
 */
@Component
public class SignedInNames {

    static final Duration TTL = Duration.ofMinutes(5);
    /** Beyond this many people, names past their time are dropped before another is kept. */
    private static final int PRUNE_ABOVE = 1_000;

    private static final Logger log = LoggerFactory.getLogger(SignedInNames.class);

    private record Known(String name, Instant until) {
    }

    private final Services services;
    private final Clock clock;
    private final ConcurrentHashMap<String, Known> names = new ConcurrentHashMap<>();

    @Autowired
    public SignedInNames(Services services) {
        this(services, Clock.systemUTC());
    }

    SignedInNames(Services services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** The person's display name (else username); empty when query-service cannot say, for the role to stand in. */
    public Optional<String> of(SignedIn person) {
        Instant now = clock.instant();
        Known known = names.get(person.personId());
        if (known != null && now.isBefore(known.until())) {
            return Optional.of(known.name());
        }
        String name;
        try {
            Person me = services.me(person.caller());
            name = me.name();
        } catch (RuntimeException e) {
            // The header is no reason to fail the page: the page's own reads say whether the service is down.
            log.debug("No name for the header of {}: {}", person.personId(), e.toString());
            return Optional.empty();
        }
        if (name == null || name.isBlank()) {
            names.remove(person.personId());
            return Optional.empty();
        }
        if (names.size() > PRUNE_ABOVE) {
            names.values().removeIf(k -> !now.isBefore(k.until()));
        }
        names.put(person.personId(), new Known(name, now.plus(TTL)));
        return Optional.of(name);
    }

    /** Drops a person's name at once (they were just erased here): nothing of them should outlive the erasure. */
    public void forget(String personId) {
        names.remove(personId);
    }
}
