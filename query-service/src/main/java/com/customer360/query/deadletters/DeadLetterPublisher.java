package com.customer360.query.deadletters;

import com.customer360.events.cloudevents.DeadLetterHeaders;
import com.customer360.query.topics.EventTopics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts dead letters (records that cannot be read, and records held behind them) on the dead-letter topic exactly as
 * they came (key, value bytes, headers) plus headers saying why and where from, and waits until the broker has them,
 * so the batch's offsets are never committed past a record that is neither projected nor dead-lettered. The topic is
 * the alerting and audit channel; re-drives work from {@link StoredDeadLetters}. A redelivered batch publishes its
 * dead letters again, so consumers of the topic should expect the same {@code dlq-original-*} coordinates twice.
 */
@Component
class DeadLetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventTopics topics;
    private final Clock clock;
    private final MeterRegistry meters;

    DeadLetterPublisher(KafkaTemplate<String, byte[]> kafka, EventTopics topics, Clock clock, MeterRegistry meters) {
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
        this.meters = meters;
    }

    /** Sends them all and returns once every one is acknowledged; throws if any send fails. */
    void publish(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> acks = new ArrayList<>(deadLetters.size());
        for (DeadLetter deadLetter : deadLetters) {
            ConsumerRecord<String, byte[]> record = deadLetter.record();
            acks.add(kafka.send(new ProducerRecord<>(
                    topics.deadLetters(), null, record.key(), record.value(), headers(deadLetter))));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        for (DeadLetter deadLetter : deadLetters) {
            ConsumerRecord<String, byte[]> record = deadLetter.record();
            log.warn(
                    "Dead-lettered {}-{}@{} (customer {}): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    deadLetter.reasonCode());
            meters.counter("customer360.intake.dead-lettered", "reason", deadLetter.reasonCode())
                    .increment();
        }
    }

    private Headers headers(DeadLetter deadLetter) {
        ConsumerRecord<String, byte[]> record = deadLetter.record();
        Headers headers = new RecordHeaders(record.headers().toArray());
        add(headers, DeadLetterHeaders.REASON_CODE, deadLetter.reasonCode());
        add(headers, DeadLetterHeaders.REASON, deadLetter.reason());
        add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, record.topic());
        add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
        add(headers, DeadLetterHeaders.FAILED_AT, clock.instant().toString());
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}
