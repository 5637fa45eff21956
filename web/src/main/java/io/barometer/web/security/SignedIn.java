package io.barometer.web.security;

import java.io.Serializable;
import java.util.Base64;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.web.api.Caller;

/**
 * The person signed in to this session: what command-service's token says about them (their person id, never a
 * name), and the token itself, which stays in the server-side session and never reaches the browser.
 */
public record SignedIn(String personId, String role, String collectivite, String token)
        implements Serializable, AuthenticatedPrincipal {

    public static final String RESPONDENT = "RESPONDENT";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    /** The claims of a token command-service has just issued to us (no need to verify our own supplier's answer). */
    static SignedIn fromToken(String token, ObjectMapper json) {
        String[] parts = token.split("\\.");
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return new SignedIn(claims.path("sub").asText(), claims.path("role").asText(),
                    claims.hasNonNull("collectivite") ? claims.path("collectivite").asText() : null, token);
        } catch (Exception e) {
            throw new IllegalStateException("command-service issued a token this page cannot read", e);
        }
    }

    public static SignedIn current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof SignedIn s ? s : null;
    }

    /** The signed-in person, or the 403 page (for pages every role opens about oneself); {@code why} is logged. */
    public static SignedIn require(String why) {
        SignedIn me = current();
        if (me == null) {
            throw new Forbidden(why);
        }
        return me;
    }

    /** The signed-in admin, or the 403 page: the one check of every admin tool; {@code why} is logged, not shown. */
    public static SignedIn requireAdmin(String why) {
        SignedIn me = current();
        if (me == null || !me.admin()) {
            throw new Forbidden(why);
        }
        return me;
    }

    public Caller caller() {
        return Caller.of(token);
    }

    public boolean admin() {
        return ADMIN.equals(role);
    }

    public boolean respondent() {
        return RESPONDENT.equals(role);
    }

    /** A respondent opens only its own collectivité; analysts read every one, admins every one. */
    public boolean mayOpen(String collectiviteId) {
        return !respondent() || collectiviteId.equals(collectivite);
    }

    /**
     * The session's principal name (Spring Session indexes sessions by it): the person id, so that the session
     * table holds no name, and a person's erasure leaves nothing of them there.
     */
    @Override
    public String getName() {
        return personId;
    }

    @Override
    public String toString() {
        // The token stays out of any log line that prints the principal.
        return "SignedIn[" + personId + ", " + role + "]";
    }
}
