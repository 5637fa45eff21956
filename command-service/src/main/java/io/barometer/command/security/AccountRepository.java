package io.barometer.command.security;

import java.util.List;
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

    /**
     * One page of the accounts, by username, each filter applied only when given; never the password hash.
     * The count comes with the page so that a list can say how many there are in all.
     */
    public AccountPage list(UserRole role, String collectiviteId, int page, int size) {
        String role_ = role == null ? null : role.name();
        List<AccountSummary> items = jdbc.sql("""
                        SELECT username, role, collectivite_id, display_name, enabled FROM account
                        WHERE (CAST(:role AS VARCHAR) IS NULL OR role = :role)
                          AND (CAST(:coll AS VARCHAR) IS NULL OR collectivite_id = :coll)
                        ORDER BY username LIMIT :size OFFSET :offset
                        """)
                .param("role", role_).param("coll", collectiviteId)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new AccountSummary(rs.getString(1), UserRole.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list();
        long total = jdbc.sql("""
                        SELECT count(*) FROM account
                        WHERE (CAST(:role AS VARCHAR) IS NULL OR role = :role)
                          AND (CAST(:coll AS VARCHAR) IS NULL OR collectivite_id = :coll)
                        """)
                .param("role", role_).param("coll", collectiviteId)
                .query(Long.class).single();
        return new AccountPage(items, page, size, total);
    }

    public boolean anyAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE role = 'ADMIN')").query(Boolean.class).single();
    }
}
