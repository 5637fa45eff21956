package io.barometer.command.config;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.CacheManager;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.barometer.support.axon.PostgresAxonConfig;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Axon on PostgreSQL (the tables and serializers both services share, see PostgresAxonConfig), with an
 * ObjectMapper that also stores aggregate snapshots, and a cache plus snapshots so that a response
 * holding hundreds of events loads as fast as a new one.
 */
@Configuration
public class AxonConfig extends PostgresAxonConfig {

    /** Stored events are JSON of their own: not the web's ObjectMapper, and never a Spring bean. */
    static ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Snapshots hold aggregate state, which lives in private fields without accessors.
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
    }

    @Override
    protected ObjectMapper storedJson() {
        return axonObjectMapper();
    }

    /**
     * PostgreSQL reports a duplicate key only by SQLState 23505 (on the batch's next exception), which Axon's
     * default resolver does not read. Recognised, a second writer of the same sequence number (another
     * instance holding a stale cached aggregate) gets a ConcurrencyException, i.e. a 409 and a retry that
     * works, instead of an opaque EventStoreException.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return AxonConfig::isDuplicateKey;
    }

    static boolean isDuplicateKey(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if ("23505".equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Axon's JDBC store as its auto-configuration builds it, with the events of concurrent commands committed together. */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration axon, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema,
                                                 DataSource dataSource, MeterRegistry registry) {
        DistributionSummary commandsPerCommit = DistributionSummary.builder("barometer.events.commit.commands")
                .description("Commands whose events the event store wrote in one batch (one commit, or its retries one by one)")
                .register(registry);
        Timer commitTime = Timer.builder("barometer.events.commit")
                .description("Time to write and commit one batch of commands' events").register(registry);
        return new GroupCommitEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema), dataSource, (commands, nanos) -> {
                    commandsPerCommit.record(commands);
                    commitTime.record(nanos, TimeUnit.NANOSECONDS);
                });
    }

    /**
     * Axon's command bus, without a database transaction around each command: a command's only write is
     * its events, which the event store commits itself (together with those of concurrent commands, see
     * GroupCommitEventStorageEngine); its reads (an aggregate missing from the cache) need no transaction.
     * A transaction per command held a pooled connection through the whole command for nothing.
     */
    @Bean
    @Primary
    public SimpleCommandBus commandBus(org.axonframework.config.Configuration axon,
                                       DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus bus = SimpleCommandBus.builder()
                .transactionManager(NoTransactionManager.INSTANCE)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    @Bean(destroyMethod = "close")
    public CacheManager aggregateCacheManager(@Value("${barometer.aggregate-cache-size}") long entries) {
        CacheManager manager = CacheManagerBuilder.newCacheManagerBuilder().build(true);
        for (String name : new String[] {"responseCache", "campaignCache", "collectiviteCache"}) {
            manager.createCache(name, CacheConfigurationBuilder.newCacheConfigurationBuilder(
                    Object.class, Object.class, ResourcePoolsBuilder.heap(entries)));
        }
        return manager;
    }

    @Bean
    public Cache responseCache(CacheManager aggregateCacheManager) {
        return adapter(aggregateCacheManager, "responseCache");
    }

    @Bean
    public Cache campaignCache(CacheManager aggregateCacheManager) {
        return adapter(aggregateCacheManager, "campaignCache");
    }

    @Bean
    public Cache collectiviteCache(CacheManager aggregateCacheManager) {
        return adapter(aggregateCacheManager, "collectiviteCache");
    }

    private static Cache adapter(CacheManager manager, String name) {
        return new EhCache3Adapter((Ehcache<Object, Object>) manager.getCache(name, Object.class, Object.class));
    }

    /**
     * A response that is not in the cache (after a restart, or evicted) is rebuilt from its latest snapshot,
     * not from its first event. Taking a snapshot re-reads the events since the last one and the last
     * snapshot itself: every 100 events it cost a tenth of the write path's CPU on long responses, every
     * 500 a fifth of that, while a cold load reads at most 500 small events (a few milliseconds, once).
     */
    @Bean
    public SnapshotTriggerDefinition responseSnapshotTrigger(Snapshotter snapshotter,
                                                             @Value("${barometer.response-snapshot-events}") int events) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, events);
    }
}
