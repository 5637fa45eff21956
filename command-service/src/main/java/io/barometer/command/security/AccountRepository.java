package io.barometer.command.security;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.barometer.events.UserRole;

@Repository
public class AccountRepository {

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("""
                        SELECT username, password_hash, role, collectivite_id, display_name
                        FROM account WHERE username = ?
                        """)
                .param(username)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), UserRole.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }

    /** Inserts the account; false when the username is taken. */
    public boolean insert(Account account, String createdBy) {
        return jdbc.sql("""
                        INSERT INTO account (username, password_hash, role, collectivite_id, display_name, created_by)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING
                        """)
                .params(account.username(), account.passwordHash(), account.role().name(),
                        account.collectiviteId(), account.displayName(), createdBy)
                .update() == 1;
    }

    public boolean anyAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE role = 'ADMIN')").query(Boolean.class).single();
    }
}
