package io.barometer.support.security;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.firewall.HttpFirewall;

/** The security beans both services declare alike; each imports it beside its own route rules. */
@Configuration(proxyBeanMethods = false)
public class CommonSecurityConfig {

    /**
     * Spring Security observes every filter of every request (an observation and a tagged counter lookup
     * each): profiled as a tenth of the write path's CPU. Requests stay timed by http.server.requests.
     */
    @Bean
    public SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Tokens of disabled accounts and revoked generations, read from the account table both services share. */
    @Bean
    public RevokedTokens revokedTokens(JdbcClient jdbc) {
        return new RevokedTokens(jdbc, Clock.systemUTC());
    }

    /** The strict firewall, its header checks without regular expressions (see JwtSecurity.firewall). */
    @Bean
    public HttpFirewall firewall() {
        return JwtSecurity.firewall();
    }

    /** Makes {@code requestMatchers(String…)} build path-pattern matchers (Spring Security 6.5's opt-in; see PathPatternRoutes). */
    @Bean
    public static PathPatternRequestMatcherBuilderFactoryBean pathPatternRoutes() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** No handler lookup before the security chain, now that the route rules do not read it (PathPatternRoutes). */
    @Bean
    public static BeanPostProcessor introspectorWithoutCacheFilter() {
        return PathPatternRoutes.introspectorWithoutCacheFilter();
    }
}
