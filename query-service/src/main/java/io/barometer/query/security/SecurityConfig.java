package io.barometer.query.security;

import java.io.IOException;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/** Stateless JWT security with command-service's roles; the collectivité check sits in the response view. */
@Configuration
public class SecurityConfig {

    /**
     * Spring Security observes every filter of every request (an observation and a tagged counter lookup
     * each): profiled as a tenth of the write path's CPU. Requests stay timed by http.server.requests.
     */
    @Bean
    public SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt ->
                List.of(new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString(CurrentUser.ROLE_CLAIM))));
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/*/synthesis", "/api/comparisons",
                                "/api/campaigns/*/exports/*").hasAnyRole("ANALYST", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/audit", "/api/campaigns/*/progress").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/*/responses/*/history")
                                .hasAnyRole("RESPONDENT", "ANALYST", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/campaigns", "/api/campaigns/*",
                                "/api/campaigns/*/responses/*").hasAnyRole("RESPONDENT", "ANALYST", "ADMIN")
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((req, res, e) ->
                                problem(res, json, HttpStatus.UNAUTHORIZED, "A valid bearer token is required"))
                        .accessDeniedHandler((req, res, e) ->
                                problem(res, json, HttpStatus.FORBIDDEN, "Your role may not do this")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problem(res, json, HttpStatus.UNAUTHORIZED, "A valid bearer token is required"))
                        .accessDeniedHandler((req, res, ex) ->
                                problem(res, json, HttpStatus.FORBIDDEN, "Your role may not do this")));
        return http.build();
    }

    private static void problem(HttpServletResponse res, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(status.getReasonPhrase());
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), body);
    }
}
