package io.barometer.support.security;

import java.util.UUID;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.barometer.events.UserRole;

/**
 * The authenticated caller, read from the JWT's subject (the person's id: a token carries no name) and the claims
 * command-service writes into it.
 */
public record CurrentUser(String personId, UserRole role, String collectiviteId) {

    public static final String ROLE_CLAIM = "role";
    public static final String COLLECTIVITE_CLAIM = "collectivite";

    public static CurrentUser get() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("no authenticated user");
        }
        var jwt = token.getToken();
        return new CurrentUser(jwt.getSubject(), UserRole.valueOf(jwt.getClaimAsString(ROLE_CLAIM)),
                jwt.getClaimAsString(COLLECTIVITE_CLAIM));
    }

    /** The person's id as the UUID it is (command-service issues only those). */
    public UUID person() {
        return UUID.fromString(personId);
    }

    public boolean isAdmin() {
        return role == UserRole.ADMIN;
    }

    /** Admins act for anyone; a respondent only for its own collectivité; analysts write nothing. */
    public boolean mayWriteFor(String collectivite) {
        return isAdmin() || (role == UserRole.RESPONDENT && collectivite.equals(collectiviteId));
    }

    /** Analysts and admins read every response; a respondent only its own collectivité's. */
    public boolean mayRead(String collectivite) {
        return role != UserRole.RESPONDENT || collectivite.equals(collectiviteId);
    }
}
