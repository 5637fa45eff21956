package io.barometer.query.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.barometer.support.axon.PostgresAxonConfig;

/**
 * Axon reading command-service's event store: the same tables and JSON serialization (PostgresAxonConfig;
 * or stored events would not deserialize), large fetches for fast catch-up and replay, and a short poll so
 * that a view follows the writes of another process closely. The token table resolves to query.token_entry
 * through the connections' search_path: our tokens, not command-service's.
 */
@Configuration
public class AxonConfig extends PostgresAxonConfig {

    /** The ObjectMapper events were stored with; never the web's, whose settings must not change what is read. */
    public static ObjectMapper eventObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    protected ObjectMapper storedJson() {
        return eventObjectMapper();
    }

    /** Axon's own JDBC token store as its auto-configuration builds it, but safe for instances started together. */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 TokenStoreProperties properties) {
        return new FirstInitialisationLockingTokenStore(JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout()), tokenSchema.tokenTable());
    }

    @Bean
    public OpenGaps openGaps(DataSource dataSource) {
        return new OpenGaps(dataSource);
    }

    // Only on the PostgreSQL store: with BAROMETER_AXONSERVER_ENABLED=true Axon's own auto-configuration
    // streams the events from Axon Server instead (the projections and tokens stay in PostgreSQL).
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema,
                                                 OpenGaps openGaps,
                                                 @Value("${barometer.projection.fetch-size}") int fetchSize) {
        return new TrackedEventReader(JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(fetchSize), openGaps);
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         @Value("${barometer.projection.poll-interval}") Duration pollInterval) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(pollInterval.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }
}
