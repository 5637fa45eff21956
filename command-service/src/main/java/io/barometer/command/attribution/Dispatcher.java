package io.barometer.command.attribution;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import io.barometer.command.rules.Outcome;

/** Sends a command with its attribution and waits for its outcome. */
@Component
public class Dispatcher {

    /**
     * Attempts of one command that keeps losing to writers of other instances. Each conflict means another
     * command on the same aggregate was stored meanwhile, so the loser is never starved for long: one retry
     * lost 4 of 240 concurrent declarations through two instances, the second attempt colliding again.
     */
    static final int ATTEMPTS = 10;

    private final CommandGateway gateway;

    public Dispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** The attribution rides on the command message as its metadata, which every event it applies inherits. */
    public Outcome send(Object command, Attribution attribution) {
        Map<String, Object> metaData = attribution.toMetaData();
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                // Another instance wrote this aggregate since this one cached it; the failed attempt evicted
                // the cached copy, so the next one decides on the stored state (an If-Match still applies).
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /**
     * A random pause of up to 2^attempt ms (at most 64): losers that retried at once would meet the same
     * winners' next commands again in lockstep; spread out, each finds a moment when the aggregate is its own.
     */
    private static void backOff(int attempt) {
        long bound = 1L << Math.min(attempt, 6);
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
