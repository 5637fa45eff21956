package io.barometer.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import io.barometer.support.json.StrictJson;

/**
 * The write side: accepts commands over HTTP and appends events to the PostgreSQL event store.
 * Axon's update checker is not even created: switched off by property it would still write a machine id
 * under the user's home and start a thread of its own.
 */
@Import(StrictJson.class)
@SpringBootApplication(excludeName = "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration")
public class CommandServiceApplication {

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the service as {@code main} does; tests that restart it go through here too. */
    public static ConfigurableApplicationContext start(String... args) {
        // Axon's update checker would reach the internet; it reads this before Spring starts.
        System.setProperty("axoniq.update-checker.disabled", "true");
        return SpringApplication.run(CommandServiceApplication.class, args);
    }
}
