package io.barometer.command.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.barometer.events.UserRole;

/** Accounts, each joined to its person (who holds the username, display name and e-mail). Closed ones are gone from here. */
@Repository
public class AccountRepository {

    private static final String SELECT = """
            SELECT a.person_id, p.username, a.password_hash, a.role, a.collectivite_id, p.display_name, p.email,
                   a.enabled, a.token_generation
            FROM account a JOIN person p ON p.id = a.person_id
            WHERE a.closed_at IS NULL AND """;

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql(SELECT + " p.username = ?").param(username).query(AccountRepository::account).optional();
    }

    public Optional<Account> find(UUID personId) {
        return jdbc.sql(SELECT + " a.person_id = ?").param(personId).query(AccountRepository::account).optional();
    }

    /**
     * The open account a route names: by its person's id, which is what URLs should carry (a proxy's access log
     * keeps them), or by its username.
     */
    public Optional<Account> lookUp(String user) {
        return PersonIds.parse(user).map(this::find).orElseGet(() -> find(user));
    }

    private static Account account(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                UserRole.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                rs.getInt(9));
    }

    /**
     * Opens an account for the person of that username, creating the person, or giving an account to one that had
     * none (the {@code by} of imported answers, who now signs in as themself). Returns the person's id; empty when
     * the username already has an account.
     */
    @Transactional
    public Optional<UUID> insert(String username, String passwordHash, UserRole role, String collectiviteId,
                                 String displayName, String email, UUID createdBy) {
        jdbc.sql("""
                        INSERT INTO person (id, username, display_name, email, collectivite_id, created_by)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING
                        """)
                .params(UUID.randomUUID(), username, displayName, email, collectiviteId, createdBy)
                .update();
        UUID personId = jdbc.sql("SELECT id FROM person WHERE username = ? FOR UPDATE").param(username)
                .query(UUID.class).single();
        int opened = jdbc.sql("""
                        INSERT INTO account (person_id, password_hash, role, collectivite_id, created_by)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id) DO NOTHING
                        """)
                .params(personId, passwordHash, role.name(), collectiviteId, createdBy)
                .update();
        if (opened == 0) {
            return Optional.empty();
        }
        // A person known from imports gets what the admin typed; what the admin left blank stays as it was.
        jdbc.sql("""
                        UPDATE person SET display_name = COALESCE(?, display_name), email = COALESCE(?, email),
                               collectivite_id = COALESCE(?, collectivite_id)
                        WHERE id = ?
                        """)
                .params(displayName, email, collectiviteId, personId)
                .update();
        return Optional.of(personId);
    }

    /**
     * One page of the open accounts, by username, each filter applied only when given; never the password hash.
     * The count comes with the page so that a list can say how many there are in all.
     */
    public AccountPage list(UserRole role, String collectiviteId, int page, int size) {
        String role_ = role == null ? null : role.name();
        List<AccountSummary> items = jdbc.sql("""
                        SELECT a.person_id, p.username, a.role, a.collectivite_id, p.display_name, p.email, a.enabled
                        FROM account a JOIN person p ON p.id = a.person_id
                        WHERE a.closed_at IS NULL
                          AND (CAST(:role AS VARCHAR) IS NULL OR a.role = :role)
                          AND (CAST(:coll AS VARCHAR) IS NULL OR a.collectivite_id = :coll)
                        ORDER BY p.username LIMIT :size OFFSET :offset
                        """)
                .param("role", role_).param("coll", collectiviteId)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new AccountSummary(rs.getObject(1, UUID.class), rs.getString(2),
                        UserRole.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getBoolean(7)))
                .list();
        long total = jdbc.sql("""
                        SELECT count(*) FROM account
                        WHERE closed_at IS NULL
                          AND (CAST(:role AS VARCHAR) IS NULL OR role = :role)
                          AND (CAST(:coll AS VARCHAR) IS NULL OR collectivite_id = :coll)
                        """)
                .param("role", role_).param("coll", collectiviteId)
                .query(Long.class).single();
        return new AccountPage(items, page, size, total);
    }

    public boolean anyAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE role = 'ADMIN' AND closed_at IS NULL)")
                .query(Boolean.class).single();
    }
}
