package com.customer360.command.inbound;

import com.customer360.events.cloudevents.DeadLetterHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Puts a message on the dead-letter topic exactly as it arrived — key, bytes, headers — with headers saying why and
 * where from, and returns only once the broker has it, so that an offset is never committed past a message that is
 * neither carried out, waiting, nor dead-lettered. Logs carry the reason code and coordinates, never the content.
 */
final class InboundDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(InboundDeadLetters.class);
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Clock clock;
    private final MeterRegistry meters;

    InboundDeadLetters(KafkaTemplate<String, byte[]> kafka, String topic, Clock clock, MeterRegistry meters) {
        this.kafka = kafka;
        this.topic = topic;
        this.clock = clock;
        this.meters = meters;
    }

    void publish(InboundRecord record, Outcome outcome) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        add(headers, DeadLetterHeaders.REASON_CODE, outcome.reason().name());
        add(headers, DeadLetterHeaders.REASON, outcome.message());
        add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, record.topic());
        add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
        add(headers, DeadLetterHeaders.FAILED_AT, clock.instant().toString());
        try {
            kafka.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + record.coordinates(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + record.coordinates(), e);
        }
        log.warn("Dead-lettered upstream message {}: {}", record.coordinates(), outcome.reason());
        meters.counter(
                        "customer360.inbound.dead-lettered",
                        "reason",
                        outcome.reason().name())
                .increment();
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}
