package com.customer360.query.topics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Creates the events topic and the dead-letter topic when they do not exist yet, before the consumer starts, and
 * never touches a topic that exists. Declaring them as {@code NewTopic} beans would let Spring's {@code KafkaAdmin}
 * add partitions to an existing topic with fewer than configured, which re-maps customer keys to partitions and
 * breaks the per-customer order of events already on the topic.
 */
@Component
class EventTopicsSetup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(EventTopicsSetup.class);

    private final KafkaAdmin kafkaAdmin;
    private final EventTopics topics;

    EventTopicsSetup(KafkaAdmin kafkaAdmin, EventTopics topics) {
        this.kafkaAdmin = kafkaAdmin;
        this.topics = topics;
    }

    /** Both topics keep their records forever: events are the source of every rebuild, dead letters await a person. */
    List<NewTopic> newTopics() {
        return List.of(keptForever(topics.events()), keptForever(topics.deadLetters()));
    }

    private NewTopic keptForever(String name) {
        TopicBuilder topic =
                TopicBuilder.name(name).partitions(topics.partitions()).config(TopicConfig.RETENTION_MS_CONFIG, "-1");
        if (topics.replicas() != null) {
            topic.replicas(topics.replicas());
        }
        return topic.build();
    }

    @Override
    public void afterSingletonsInstantiated() {
        Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        try {
            admin.createTopics(newTopics()).values().forEach(this::awaitCreation);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private void awaitCreation(String topic, KafkaFuture<Void> creation) {
        try {
            creation.get(kafkaAdmin.getOperationTimeout(), TimeUnit.SECONDS);
            log.info("Created topic {} with {} partitions", topic, topics.partitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("Topic {} not created: {}", topic, e.getCause().toString());
            }
        } catch (TimeoutException e) {
            log.warn("Topic {} not created: no broker answered in time", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
