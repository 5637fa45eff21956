package io.barometer.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.barometer.command.response.CommandTargets;
import io.barometer.command.rules.Outcome;

/**
 * Several instances may write to one event store, each with its own aggregate cache. A command that
 * changes something is safe (a stale instance collides on the unique sequence number), but one that
 * changes nothing would be judged against a stale cached state and answered "unchanged" while another
 * instance has since moved the aggregate on: a silent lost update. So an unchanged outcome is checked
 * against the stored version (one indexed lookup, only for commands that changed nothing); if the
 * store is ahead, the attempt fails as a concurrency conflict, which evicts the cached aggregate, and the
 * Dispatcher retries it on fresh state.
 */
@Component
public class StaleCacheGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final EventStore events;
    private final CommandTargetResolver targets;

    public StaleCacheGuard(@Lazy EventStore events, CommandTargets targets) {
        this.events = events;
        this.targets = targets;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (result instanceof Outcome outcome && !outcome.changed()) {
            String aggregateId = targets.resolveTarget(unitOfWork.getMessage()).getIdentifier();
            long stored = events.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
            if (stored != outcome.version()) {
                throw new ConcurrencyException("aggregate " + aggregateId + " is at version " + stored
                        + " in the event store but " + outcome.version() + " in this instance's cache");
            }
        }
        return result;
    }
}
