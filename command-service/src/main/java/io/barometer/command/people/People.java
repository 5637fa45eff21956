package io.barometer.command.people;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.barometer.command.security.AccountLifeCycle;
import io.barometer.command.security.SignInThrottle;

/**
 * The one table that names people (issue 23). Events, projections and logs carry a person's id only, so that an
 * erasure clears the person's row and nothing else: the history keeps saying that one person made those changes.
 */
@Repository
public class People {

    /** What stays of an erasure: when, by whom, why; never the erased name. */
    public record Erasure(UUID personId, Instant erasedAt, UUID erasedBy) {
    }

    private final JdbcClient jdbc;
    private final AccountLifeCycle accounts;
    private final SignInThrottle throttle;

    public People(JdbcClient jdbc, AccountLifeCycle accounts, SignInThrottle throttle) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /**
     * The person an imported line's {@code by} names, created on first sight: a paper-era respondent need not have
     * an account. Two imports meeting the same new handle at once agree on one person (the unique username).
     */
    public UUID idFor(String username, String collectivite, UUID createdBy) {
        jdbc.sql("""
                        INSERT INTO person (id, username, collectivite_id, created_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT (username) DO NOTHING
                        """)
                .params(UUID.randomUUID(), username, collectivite, createdBy)
                .update();
        return jdbc.sql("SELECT id FROM person WHERE username = ?").param(username).query(UUID.class).single();
    }

    /**
     * Erases the person: their username, display name and e-mail are cleared, their account is closed (every token
     * refused) and their failed sign-ins forgotten, in one transaction. Erasing again changes nothing and answers
     * the first erasure. Empty when no person has this id.
     */
    @Transactional
    public Optional<Erasure> erase(UUID id, UUID by, String reason) {
        // The handle as it stood before it is cleared (the locked sub-select sees the old row): its failed sign-ins
        // go with it. Nothing comes back when the person was erased already, or never existed.
        Optional<String> handle = jdbc.sql("""
                        UPDATE person p SET username = NULL, display_name = NULL, email = NULL,
                               erased_at = now(), erased_by = :by, erasure_reason = :reason
                        FROM (SELECT id, username FROM person WHERE id = :id FOR UPDATE) old
                        WHERE p.id = old.id AND p.erased_at IS NULL
                        RETURNING coalesce(old.username, '')
                        """)
                .param("by", by).param("reason", reason).param("id", id)
                .query(String.class).optional();
        if (handle.isPresent()) {
            accounts.close(id, by, reason);
            if (!handle.get().isEmpty()) {
                throttle.forget(handle.get());
            }
        }
        return jdbc.sql("SELECT erased_at, erased_by FROM person WHERE id = ? AND erased_at IS NOT NULL").param(id)
                .query((rs, n) -> new Erasure(id, rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, UUID.class)))
                .optional();
    }
}
