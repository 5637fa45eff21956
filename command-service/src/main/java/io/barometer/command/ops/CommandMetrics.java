package io.barometer.command.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Prometheus counters of the write side: commands handled and refused (by command type) and events
 * appended (by event type, counted only once their transaction committed). Request latency comes from
 * Spring's own http.server.requests timer. Counters are kept by their tags once looked up: the registry's
 * own look-up hashes every tag on every command.
 */
@Configuration
public class CommandMetrics {

    @Bean
    public MessageHandlerInterceptor<CommandMessage<?>> commandOutcomeCounter(MeterRegistry registry) {
        Map<Class<?>, Counter> handledCounters = new ConcurrentHashMap<>();
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                Class<?> command = unitOfWork.getMessage().getPayloadType();
                try {
                    Object result = chain.proceed();
                    Counter handled = handledCounters.computeIfAbsent(command, c -> registry.counter(
                            "barometer.commands", "command", c.getSimpleName(), "outcome", "handled", "reason", "none"));
                    unitOfWork.afterCommit(u -> handled.increment());
                    return result;
                } catch (Exception e) {
                    registry.counter("barometer.commands", "command", command.getSimpleName(), "outcome", "refused",
                            "reason", e.getClass().getSimpleName()).increment();
                    throw e;
                }
            }
        };
    }

    @Bean
    public InitializingBean appendedEventCounter(EventBus eventBus, MeterRegistry registry) {
        Map<Class<?>, Counter> counters = new ConcurrentHashMap<>();
        MessageDispatchInterceptor<EventMessage<?>> counter = new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                return (index, event) -> {
                    Counter appended = counters.computeIfAbsent(event.getPayloadType(),
                            type -> registry.counter("barometer.events.appended", "event", type.getSimpleName()));
                    if (CurrentUnitOfWork.isStarted()) {
                        CurrentUnitOfWork.get().afterCommit(u -> appended.increment());
                    } else {
                        appended.increment();
                    }
                    return event;
                };
            }
        };
        return () -> eventBus.registerDispatchInterceptor(counter);
    }
}
