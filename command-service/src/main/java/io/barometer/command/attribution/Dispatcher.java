package io.barometer.command.attribution;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import io.barometer.command.rules.Outcome;

/** Sends a command on behalf of an attribution and waits for its outcome. */
@Component
public class Dispatcher {

    private final CommandGateway gateway;

    public Dispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public Outcome send(Object command, Attribution attribution) {
        return AttributionContext.callAs(attribution, () -> {
            try {
                return gateway.sendAndWait(command);
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                // Another instance wrote this aggregate since this one cached it; the failed attempt evicted
                // the cached copy, so once more decides on the stored state (an If-Match still applies).
                return gateway.sendAndWait(command);
            }
        });
    }
}
