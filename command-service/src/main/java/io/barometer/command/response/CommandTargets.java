package io.barometer.command.response;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Which aggregate, at which expected version, a command targets. Axon's annotation resolver walks the
 * command's fields and annotations again on every command (a twentieth of a write's CPU); response
 * commands, nearly all of the traffic, say it through {@link ResponseCommand}. Other commands keep the
 * annotations.
 */
@Component(CommandTargets.BEAN)
public class CommandTargets implements CommandTargetResolver {

    public static final String BEAN = "commandTargets";

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof ResponseCommand target) {
            return new VersionedAggregateIdentifier((Object) target.responseId(), target.expectedVersion());
        }
        return annotated.resolveTarget(command);
    }
}
