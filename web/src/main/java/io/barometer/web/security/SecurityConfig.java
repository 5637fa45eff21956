package io.barometer.web.security;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.web.api.Services;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sign-in by form against command-service, the token kept in the session (PostgreSQL), CSRF on every form
 * and htmx request. An expired session sends the person to the sign-in page with a message, and back to the
 * page they were on once signed in again.
 */
@Configuration
public class SecurityConfig {

    public static final String LOGIN = "/login";

    @Bean
    SecurityFilterChain pageSecurity(HttpSecurity http, Services services, ObjectMapper json) throws Exception {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        // The saved page is returned to as it was asked for, without Spring's "?continue" marker on its URL.
        cache.setMatchingRequestParameterName(null);
        // A fragment asked by htmx is no page to come back to; the page it came from is (see entry point).
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !htmx(request));
        AuthenticationSuccessHandler success = (request, response, auth) -> {
            SavedRequest saved = cache.getRequest(request, response);
            cache.removeRequest(request, response);
            String target = saved != null ? saved.getRedirectUrl() : safePath(request.getParameter("continue"));
            response.sendRedirect(target != null ? target : request.getContextPath() + "/");
        };
        // Not a bean: Spring Security would also make a bean the global parent manager's provider, and a refused
        // sign-in would be asked of command-service twice, counting two failures against the person's five.
        http.authenticationProvider(new ServiceAuthentication(services, json))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(LOGIN, "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/error").permitAll()
                        .anyRequest().authenticated())
                .requestCache(r -> r.requestCache(cache))
                .formLogin(f -> f.loginPage(LOGIN).successHandler(success)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath() + LOGIN
                                + (e instanceof AuthenticationServiceException ? "?unavailable"
                                        : e instanceof LockedException ? "?throttled" : "?error")
                                + continueParameter(request.getParameter("continue"), '&'))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl(LOGIN + "?signedOut")
                        .deleteCookies("SESSION"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> toLogin(request, response))
                        .accessDeniedHandler(accessDenied()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /** A CSRF refusal on an expired session is an expired session, not a forbidden page. */
    private static AccessDeniedHandler accessDenied() {
        return (request, response, e) -> {
            if (e instanceof CsrfException && !request.isRequestedSessionIdValid()) {
                toLogin(request, response);
                return;
            }
            request.getRequestDispatcher("/error/forbidden").forward(request, response);
        };
    }

    /** To the sign-in page: "expired" when the browser sent a session that is no more. */
    static void toLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        String back = htmx(request) ? pathOf(request.getHeader("HX-Current-URL")) : null;
        String target = request.getContextPath() + LOGIN + (expired ? "?expired" : "")
                + continueParameter(back, expired ? '&' : '?');
        if (htmx(request)) {
            // htmx would swap the sign-in page into the section; it follows this header instead.
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_OK);
        } else {
            response.sendRedirect(target);
        }
    }

    static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Only a path of this site may be returned to after signing in (no open redirect). */
    public static String safePath(String path) {
        // Browsers drop tabs and line breaks from a URL ("/\t/evil" becomes "//evil"): only plain path characters.
        return path != null && path.matches("/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*") && !path.startsWith("//")
                && !path.startsWith(LOGIN) ? path : null;
    }

    private static String continueParameter(String path, char separator) {
        String safe = safePath(path);
        return safe == null ? "" : separator + "continue=" + java.net.URLEncoder.encode(safe,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String pathOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
