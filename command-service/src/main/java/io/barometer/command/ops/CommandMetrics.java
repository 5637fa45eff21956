package io.barometer.command.ops;

import java.util.List;
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

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Prometheus counters of the write side: commands handled and refused (by command type) and events
 * appended (by event type, counted only once their transaction committed). Request latency comes from
 * Spring's own http.server.requests timer.
 */
@Configuration
public class CommandMetrics {

    @Bean
    public MessageHandlerInterceptor<CommandMessage<?>> commandOutcomeCounter(MeterRegistry registry) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
                try {
                    Object result = chain.proceed();
                    unitOfWork.afterCommit(u -> registry.counter("barometer.commands", "command", command,
                            "outcome", "handled", "reason", "none").increment());
                    return result;
                } catch (Exception e) {
                    registry.counter("barometer.commands", "command", command, "outcome", "refused",
                            "reason", e.getClass().getSimpleName()).increment();
                    throw e;
                }
            }
        };
    }

    @Bean
    public InitializingBean appendedEventCounter(EventBus eventBus, MeterRegistry registry) {
        MessageDispatchInterceptor<EventMessage<?>> counter = new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                return (index, event) -> {
                    String type = event.getPayloadType().getSimpleName();
                    if (CurrentUnitOfWork.isStarted()) {
                        CurrentUnitOfWork.get().afterCommit(u ->
                                registry.counter("barometer.events.appended", "event", type).increment());
                    } else {
                        registry.counter("barometer.events.appended", "event", type).increment();
                    }
                    return event;
                };
            }
        };
        return () -> eventBus.registerDispatchInterceptor(counter);
    }
}
