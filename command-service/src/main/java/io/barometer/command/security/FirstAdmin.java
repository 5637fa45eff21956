package io.barometer.command.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.barometer.events.UserRole;

/** Creates the first admin from BAROMETER_ADMIN_USER / BAROMETER_ADMIN_PASSWORD; there is no default. */
@Component
public class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final String username;
    private final String password;

    public FirstAdmin(AccountRepository accounts, PasswordEncoder passwords,
                      @Value("${barometer.admin.username}") String username,
                      @Value("${barometer.admin.password}") String password) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isBlank()) {
            if (!accounts.anyAdmin()) {
                log.warn("No admin account exists; set BAROMETER_ADMIN_USER and BAROMETER_ADMIN_PASSWORD to create one");
            }
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("BAROMETER_ADMIN_PASSWORD must be at least 12 characters");
        }
        // The log names the person by id: a username is often a name (DESIGN §11, issue 23).
        accounts.insert(username, passwords.encode(password), UserRole.ADMIN, null, "Administrator", null, null)
                .ifPresent(id -> log.info("Created the first admin account, person {}", id));
    }
}
