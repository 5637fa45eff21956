package io.barometer.command.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.support.security.CommonSecurityConfig;
import io.barometer.support.security.CurrentUser;
import io.barometer.support.security.JwtSecurity;
import io.barometer.support.security.RevokedTokens;

/** Stateless JWT security; role checks on routes, collectivité checks in the controllers. */
@Configuration
@Import(CommonSecurityConfig.class)
public class SecurityConfig {

    @Bean
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper json, RevokedTokens revoked) throws Exception {
        JwtSecurity.statelessJwt(http, json, CurrentUser.ROLE_CLAIM, revoked)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/users", "/api/campaigns", "/api/collectivites",
                                "/api/import").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/users", "/api/users/*").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/campaigns/*/deadline").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/collectivites/*").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/users/*").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/people/*/erasure").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/users/me/password").authenticated()
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
