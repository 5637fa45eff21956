package io.barometer.command.attribution;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.barometer.events.MetadataKeys;

/**
 * Attribution travels as metadata: the {@link Dispatcher} puts it on each command message, the correlation
 * provider copies it onto every event that command applies, and the event-bus interceptor gives an
 * event without a stated effective instant its own timestamp, so both clocks are always present.
 */
@Configuration
public class AttributionConfig {

    @Bean
    public CorrelationDataProvider attributionCorrelationProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.USER_ID, MetadataKeys.USER_ROLE,
                MetadataKeys.ON_BEHALF_OF, MetadataKeys.SOURCE, MetadataKeys.IMPORTED_BY, MetadataKeys.REQUEST_ID,
                MetadataKeys.EFFECTIVE_AT, MetadataKeys.REASON, MetadataKeys.IMPORT_KEY);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public InitializingBean effectiveClockOnEvents(EventBus eventBus) {
        MessageDispatchInterceptor<EventMessage<?>> interceptor = new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                // Axon stores the timestamp to the millisecond: the effective instant is written the same
                // way, or it would fall a fraction of a millisecond after the recorded one.
                return (index, event) -> event.getMetaData().containsKey(MetadataKeys.EFFECTIVE_AT)
                        ? event
                        : event.andMetaData(Map.of(MetadataKeys.EFFECTIVE_AT,
                                DateTimeUtils.formatInstant(event.getTimestamp())));
            }
        };
        return () -> eventBus.registerDispatchInterceptor(interceptor);
    }
}
