package io.barometer.command.security;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether an account may sign in, the generation its tokens are issued under, and each change of either with
 * who made it and why (table account_change). Each change is one statement, so that the account and its
 * audit row never disagree. Both services refuse the tokens of older generations (RevokedTokens).
 */
@Repository
public class AccountLifeCycle {

    public record Standing(boolean enabled, int tokenGeneration) {
    }

    private final JdbcClient jdbc;

    public AccountLifeCycle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Standing> standing(String username) {
        return jdbc.sql("SELECT enabled, token_generation FROM account WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Standing(rs.getBoolean(1), rs.getInt(2)))
                .optional();
    }

    /** Disables or enables the account; false when it already was. Disabling revokes every token issued so far. */
    public boolean setEnabled(String username, boolean enabled, String changedBy, String reason) {
        return jdbc.sql("""
                        WITH changed AS (
                            UPDATE account SET enabled = :enabled,
                                   token_generation = token_generation + CASE WHEN :enabled THEN 0 ELSE 1 END
                            WHERE username = :username AND enabled <> :enabled
                            RETURNING username)
                        INSERT INTO account_change (username, change, changed_by, reason)
                        SELECT username, :change, :changedBy, :reason FROM changed
                        """)
                .param("enabled", enabled).param("username", username)
                .param("change", enabled ? "ENABLED" : "DISABLED").param("changedBy", changedBy)
                .param("reason", reason)
                .update() == 1;
    }

    /** Sets a new password hash and revokes every token issued under the old password. */
    public void changePassword(String username, String passwordHash) {
        jdbc.sql("""
                        WITH changed AS (
                            UPDATE account SET password_hash = :hash, token_generation = token_generation + 1
                            WHERE username = :username
                            RETURNING username)
                        INSERT INTO account_change (username, change, changed_by)
                        SELECT username, 'PASSWORD_CHANGED', username FROM changed
                        """)
                .param("hash", passwordHash).param("username", username)
                .update();
    }
}
