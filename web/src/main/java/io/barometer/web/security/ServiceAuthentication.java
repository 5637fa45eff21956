package io.barometer.web.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.Services;

/** Signs a person in by asking command-service for a token with their username and password. */
class ServiceAuthentication implements AuthenticationProvider {

    private final Services services;
    private final ObjectMapper json;

    ServiceAuthentication(Services services, ObjectMapper json) {
        this.services = services;
        this.json = json;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = String.valueOf(request.getCredentials());
        if (username == null || username.isBlank() || password.isBlank()) {
            throw new BadCredentialsException("missing");
        }
        String token;
        try {
            token = services.token(username.trim(), password);
        } catch (ApiProblem p) {
            if (p.status() == 401 || p.status() == 400) {
                throw new BadCredentialsException("refused");
            }
            if (p.status() == 429) {
                // Too many failures for this username: said as such, or the person would keep trying in vain.
                throw new LockedException("throttled");
            }
            throw new AuthenticationServiceException("command-service answered " + p.status());
        } catch (RuntimeException e) {
            throw new AuthenticationServiceException("command-service unreachable", e);
        }
        SignedIn person = SignedIn.fromToken(token, json);
        return UsernamePasswordAuthenticationToken.authenticated(person, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + person.role())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
