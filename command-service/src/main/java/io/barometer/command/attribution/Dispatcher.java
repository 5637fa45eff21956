package io.barometer.command.attribution;

import org.axonframework.commandhandling.gateway.CommandGateway;
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
        return AttributionContext.callAs(attribution, () -> gateway.sendAndWait(command));
    }
}
