package io.barometer.web.page;

import io.barometer.web.security.SignedIn;

/**
 * What every page's frame needs: its title, the person's words and language, who is signed in (and the name the
 * header gives them, null when unknown), the CSRF token for forms and htmx, and the path the language switch
 * comes back to.
 */
public record Page(String title, Texts t, SignedIn user, String userName, String csrfParameter, String csrfHeader,
                   String csrfToken, String path) {

    /** Who the header says is signed in: their name, or their role when query-service could not give the name. */
    public String who() {
        if (user == null) {
            return "";
        }
        return userName != null ? userName : t.orElse("accounts.roleName." + user.role(), user.role());
    }

    public String lang() {
        return t.locale().getLanguage();
    }

    /** The hx-headers attribute value: htmx sends the CSRF token with every request it makes. */
    public String htmxHeaders() {
        return "{\"" + csrfHeader + "\": \"" + csrfToken + "\"}";
    }

    /** The same page in the other language. */
    public String otherLanguagePath() {
        String other = t.english() ? "fr" : "en";
        return path + (path.contains("?") ? "&" : "?") + "lang=" + other;
    }
}
