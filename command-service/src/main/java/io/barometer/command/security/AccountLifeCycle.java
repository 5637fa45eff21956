package io.barometer.command.security;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether an account may sign in, the generation its tokens are issued under, and each change of either with
 * who made it and why (table account_change). Each change is one statement, so that the account and its
 * audit row never disagree. Both services refuse the tokens of older generations (RevokedTokens).
 */
@Repository
public class AccountLifeCycle {

    private final JdbcClient jdbc;

    public AccountLifeCycle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Disables or enables the account; false when it already was. Disabling revokes every token issued so far. */
    public boolean setEnabled(UUID personId, boolean enabled, UUID changedBy, String reason) {
        return jdbc.sql("""
                        WITH changed AS (
                            UPDATE account SET enabled = :enabled,
                                   token_generation = token_generation + CASE WHEN :enabled THEN 0 ELSE 1 END
                            WHERE person_id = :person AND enabled <> :enabled AND closed_at IS NULL
                            RETURNING person_id)
                        INSERT INTO account_change (person_id, change, changed_by, reason)
                        SELECT person_id, :change, :changedBy, :reason FROM changed
                        """)
                .param("enabled", enabled).param("person", personId)
                .param("change", enabled ? "ENABLED" : "DISABLED").param("changedBy", changedBy)
                .param("reason", reason)
                .update() == 1;
    }

    /** Sets a new password hash and revokes every token issued under the old password. */
    public void changePassword(UUID personId, String passwordHash) {
        jdbc.sql("""
                        WITH changed AS (
                            UPDATE account SET password_hash = :hash, token_generation = token_generation + 1
                            WHERE person_id = :person AND closed_at IS NULL
                            RETURNING person_id)
                        INSERT INTO account_change (person_id, change, changed_by)
                        SELECT person_id, 'PASSWORD_CHANGED', person_id FROM changed
                        """)
                .param("hash", passwordHash).param("person", personId)
                .update();
    }

    /**
     * Closes the account for good (its person is erased): disabled, every token revoked, no password left to match.
     * The row stays so that both services keep refusing the tokens it was given.
     */
    public void close(UUID personId, UUID changedBy, String reason) {
        jdbc.sql("""
                        WITH changed AS (
                            UPDATE account SET enabled = false, token_generation = token_generation + 1,
                                   password_hash = '!closed', closed_at = now()
                            WHERE person_id = :person AND closed_at IS NULL
                            RETURNING person_id)
                        INSERT INTO account_change (person_id, change, changed_by, reason)
                        SELECT person_id, 'CLOSED', :changedBy, :reason FROM changed
                        """)
                .param("person", personId).param("changedBy", changedBy).param("reason", reason)
                .update();
    }
}
