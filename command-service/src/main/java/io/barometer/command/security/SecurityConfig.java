package io.barometer.command.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.support.security.JwtSecurity;

/** Stateless JWT security; role checks on routes, collectivité checks in the controllers. */
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

    /** The strict firewall, its header checks without regular expressions (see JwtSecurity.firewall). */
    @Bean
    public HttpFirewall firewall() {
        return JwtSecurity.firewall();
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        JwtSecurity.statelessJwt(http, json, CurrentUser.ROLE_CLAIM)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/users", "/api/campaigns", "/api/collectivites",
                                "/api/import").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/campaigns/*/deadline").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/collectivites/*").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/campaigns/*/responses/*/reopen").hasRole("ADMIN")
                        .requestMatchers("/api/campaigns/*/responses/**").hasAnyRole("ADMIN", "RESPONDENT")
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
