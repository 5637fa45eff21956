package io.barometer.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write side: accepts commands over HTTP and appends events to the PostgreSQL event store. */
@SpringBootApplication
public class CommandServiceApplication {

    public static void main(String[] args) {
        // Axon's update checker would reach the internet; it reads this before Spring starts.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
