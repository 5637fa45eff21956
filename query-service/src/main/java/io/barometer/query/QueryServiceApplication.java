package io.barometer.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import io.barometer.support.json.StrictJson;

/**
 * The read side: projections of the event store and the views as of any cut-off. Axon's update checker
 * is not even created: switched off by property it would still write a machine id under the user's home
 * and start a thread of its own.
 */
@Import(StrictJson.class)
@SpringBootApplication(excludeName = "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration")
public class QueryServiceApplication {

    public static void main(String[] args) {
        // Axon's update checker would reach the internet; it reads this before Spring starts.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
