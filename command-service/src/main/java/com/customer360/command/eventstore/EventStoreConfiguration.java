package com.customer360.command.eventstore;

import com.customer360.command.idempotency.RequestMetaData;
import com.mongodb.client.MongoClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the MongoDB event store ourselves: the Mongo extension's starter is evaluated after Axon's own
 * auto-configuration and its engine is silently skipped, and it would wire a session-based transaction manager that
 * neither mongo-java-server nor our "no multi-document transactions" rule allows. Each append is one insert, made
 * atomic per aggregate by the unique (aggregateIdentifier, sequenceNumber) index.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties properties) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, properties.getMongoClientDatabase())
                .build();
    }

    @Bean
    TransactionManager axonTransactionManager() {
        return NoTransactionManager.INSTANCE;
    }

    @Bean
    EventStorageEngine eventStorageEngine(
            MongoTemplate template,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Serializer snapshotSerializer,
            @Value("${customer360.event-store.tracking-look-back:3s}") Duration lookBack,
            @Value("${customer360.event-store.tracking-poll-interval:100ms}") Duration pollInterval) {
        // Tracking readers find new events by timestamp; the look-back window catches an event whose insert
        // completed a little after a later-stamped one. It must exceed the longest write stall we expect.
        return MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .storageStrategy(new PointLookupStorageStrategy(lookBack, pollInterval))
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate template, Serializer serializer) {
        // Axon names the claim's owner after the JVM by default; two services in one JVM (tests, the local stack's
        // restarts) would then both believe they own the relay's claim and both publish.
        return MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "#" + UUID.randomUUID())
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
    }

    @Bean
    RevisionResolver revisionResolver() {
        return new EventTypeRevisionResolver();
    }

    /** Loading an aggregate from mongo-java-server scans the whole event collection, so keep loaded ones around. */
    @Bean
    Cache aggregateCache(@Value("${customer360.event-store.aggregate-cache-size:20000}") int capacity) {
        return new BoundedAggregateCache(capacity);
    }

    /** Copies the caller's request id onto every event a command produces, so aggregates can recognise retries. */
    @Bean
    CorrelationDataProvider requestCorrelation() {
        return new SimpleCorrelationDataProvider(
                RequestMetaData.REQUEST_ID, RequestMetaData.FINGERPRINT, RequestMetaData.SENT_BY);
    }
}
