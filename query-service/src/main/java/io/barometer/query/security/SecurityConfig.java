package io.barometer.query.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.support.security.CommonSecurityConfig;
import io.barometer.support.security.CurrentUser;
import io.barometer.support.security.JwtSecurity;
import io.barometer.support.security.RevokedTokens;

/** Stateless JWT security with command-service's roles; the collectivité check sits in the response view. */
@Configuration
@Import(CommonSecurityConfig.class)
public class SecurityConfig {

    @Bean
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper json, RevokedTokens revoked) throws Exception {
        JwtSecurity.statelessJwt(http, json, CurrentUser.ROLE_CLAIM, revoked)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/*/synthesis", "/api/comparisons",
                                "/api/campaigns/*/exports/*").hasAnyRole("ANALYST", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/audit", "/api/campaigns/*/progress", "/api/history.ndjson",
                                "/api/people").hasRole("ADMIN")
                        // Who changed what: analysts see answers, not people (DESIGN §11, least privilege).
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/*/responses/*/history")
                                .hasAnyRole("RESPONDENT", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/campaigns", "/api/campaigns/*",
                                "/api/campaigns/*/responses/*").hasAnyRole("RESPONDENT", "ANALYST", "ADMIN")
                        // Every role may read what is kept about themselves.
                        .requestMatchers(HttpMethod.GET, "/api/people/me").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/people/*").hasRole("ADMIN")
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }
}
