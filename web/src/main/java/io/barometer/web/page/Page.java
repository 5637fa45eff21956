package io.barometer.web.page;

import io.barometer.web.security.SignedIn;

/**
 * What every page's frame needs: its title, the person's words and language, who is signed in, the CSRF
 * token for forms and htmx, and the path the language switch comes back to.
 */
public record Page(String title, Texts t, SignedIn user, String csrfParameter, String csrfHeader, String csrfToken,
                   String path) {

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
