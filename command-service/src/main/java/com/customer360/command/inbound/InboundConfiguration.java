package com.customer360.command.inbound;

import com.customer360.command.customer.CustomerCommands;
import com.customer360.command.order.OrderCommands;
import com.customer360.command.publishing.TopicsIfMissing;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboundSettings.class)
class InboundConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InboundConfiguration.class);
    private static final String ONE_WEEK = "604800000";

    @Bean
    InboundIntake inboundIntake(
            InboundSettings settings,
            CustomerCommands customers,
            OrderCommands orders,
            ObjectMapper json,
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            Clock clock,
            MeterRegistry meters) {
        UpstreamMessageReader reader = new UpstreamMessageReader(
                json, new UpstreamSchemas(), settings.maxMessageSize().toBytes());
        InboundProcessor processor = new InboundProcessor(reader, new UpstreamCommands(customers, orders, json));
        WaitingMessages waiting = new WaitingMessages(mongo);
        waiting.createIndexes();
        return new InboundIntake(
                processor,
                waiting,
                new InboundDeadLetters(kafka, settings.deadLetterTopic(), clock, meters),
                clock,
                settings.maxWait(),
                meters);
    }

    @Bean
    WaitingRetries waitingRetries(InboundIntake intake, InboundSettings settings) {
        return new WaitingRetries(intake, settings.retryInterval());
    }

    @Bean
    InboundListener inboundListener(InboundIntake intake) {
        return new InboundListener(intake);
    }

    @Bean
    DeadLetterRedrive deadLetterRedrive(
            ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka, InboundSettings settings) {
        return new DeadLetterRedrive(consumers, kafka, settings);
    }

    /** Upstream messages are kept a week for investigation; dead letters until a person deals with them. */
    @Bean
    TopicsIfMissing inboundTopics(KafkaAdmin admin, InboundSettings settings) {
        return new TopicsIfMissing(
                admin,
                List.of(
                        TopicBuilder.name(settings.topic())
                                .partitions(settings.partitions())
                                .config(TopicConfig.RETENTION_MS_CONFIG, ONE_WEEK)
                                .build(),
                        TopicBuilder.name(settings.deadLetterTopic())
                                .partitions(settings.partitions())
                                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                                .build()));
    }

    /**
     * Retries a failing record (MongoDB or Kafka unreachable) with growing pauses for as long as it takes; the
     * records before it in the batch are committed. Bad messages never get here: they are dead-lettered.
     */
    @Bean
    CommonErrorHandler retryUntilTheInfrastructureIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> {
                    throw new IllegalStateException("an upstream message is never skipped", e);
                },
                backOff);
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners((record, e, attempt) -> log.warn(
                "Upstream message {}-{}@{} failed (attempt {}), retrying: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                attempt,
                e.getClass().getName()));
        return handler;
    }
}
