package com.customer360.command.publishing;

import com.customer360.command.eventstore.StoredEvents;
import com.customer360.events.cloudevents.CloudEventCodec;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

    @Bean
    EventRecords eventRecords(
            @Value("${customer360.topics.events}") String topic, @Value("${customer360.relay.source}") String source) {
        return new EventRecords(new CloudEventCodec(), topic, source);
    }

    @Bean
    EventRelay eventRelay(
            KafkaTemplate<String, byte[]> kafka,
            EventRecords records,
            @Value("${customer360.relay.ack-timeout:30s}") Duration ackTimeout) {
        return new EventRelay(kafka, records, ackTimeout);
    }

    @Bean
    Republisher republisher(
            StoredEvents stored,
            KafkaTemplate<String, byte[]> kafka,
            EventRecords records,
            @Value("${customer360.relay.ack-timeout:30s}") Duration ackTimeout,
            @Value("${customer360.relay.republish-max-events:100000}") long maxEvents) {
        return new Republisher(stored, kafka, records, ackTimeout, maxEvents);
    }

    /** Events are kept forever: analysts rebuild views by reading the topic from the start. */
    @Bean
    TopicsIfMissing eventTopics(
            KafkaAdmin admin,
            @Value("${customer360.topics.events}") String topic,
            @Value("${customer360.topics.partitions}") int partitions,
            @Value("${customer360.topics.replicas}") short replicas) {
        return new TopicsIfMissing(
                admin,
                List.of(TopicBuilder.name(topic)
                        .partitions(partitions)
                        .replicas(replicas)
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .build()));
    }

    /**
     * Axon's default for a failing event handler is to log and move on, which for a relay means an event that never
     * reaches Kafka. Propagating the failure makes the tracking processor retry the batch with back-off instead.
     */
    @Bean
    ConfigurerModule relayFailuresAreRetried() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        EventRelay.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
