package com.customer360.command.publishing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates topics that do not exist and leaves existing ones alone. {@code NewTopic} beans would not do: Spring's
 * {@code KafkaAdmin} adds partitions to an existing topic that has fewer than declared, which moves customers to other
 * partitions and breaks the order of their events.
 */
public class TopicsIfMissing implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopicsIfMissing.class);

    private final KafkaAdmin kafkaAdmin;
    private final List<NewTopic> topics;

    public TopicsIfMissing(KafkaAdmin kafkaAdmin, List<NewTopic> topics) {
        this.kafkaAdmin = kafkaAdmin;
        this.topics = topics;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        try {
            admin.createTopics(topics).values().forEach(this::awaitCreation);
        } finally {
            // Closing waits for unfinished requests, which retry for a minute when no broker answers: don't.
            admin.close(Duration.ZERO);
        }
    }

    private void awaitCreation(String name, KafkaFuture<Void> creation) {
        try {
            creation.get(kafkaAdmin.getOperationTimeout(), TimeUnit.SECONDS);
            log.info("Created topic {}", name);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn(
                        "Could not create topic {} ({}); create it before events are published",
                        name,
                        e.getCause().toString());
            }
        } catch (TimeoutException e) {
            log.warn(
                    "Could not create topic {}: Kafka did not answer in time; create it before events are published",
                    name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
