package com.customer360.command.inbound;

import com.customer360.events.cloudevents.DeadLetterHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends dead letters back to the inbound topic after a fix — a missing customer registered, a producer corrected,
 * this service upgraded — exactly as they first arrived (the {@link DeadLetterHeaders} removed). It re-drives what was
 * dead-lettered since the previous re-drive (its own consumer group remembers where it stopped). A message that was
 * carried out before is recognised by its CloudEvents source and id and ignored; one that still fails is
 * dead-lettered again, with today's reason.
 */
final class DeadLetterRedrive {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrive.class);
    static final String GROUP = "command-service-dead-letter-redrive";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final InboundSettings settings;

    DeadLetterRedrive(
            ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka, InboundSettings settings) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.settings = settings;
    }

    /** Re-drives every dead letter not re-driven before; returns how many. */
    synchronized int redrive() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(GROUP, "redrive", null, overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(settings.deadLetterTopic())) {
                partitions.add(new TopicPartition(partition.topic(), partition.partition()));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        sends.add(kafka.send(asArrived(record)));
                    }
                }
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            for (TopicPartition partition : partitions) {
                done.put(partition, new OffsetAndMetadata(Math.min(consumer.position(partition), end.get(partition))));
            }
            consumer.commitSync(done);
            log.info("Re-drove {} dead letters to {}", sends.size(), settings.topic());
            return sends.size();
        }
    }

    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private ProducerRecord<String, byte[]> asArrived(ConsumerRecord<String, byte[]> deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                headers.add(header);
            }
        }
        return new ProducerRecord<>(settings.topic(), null, deadLetter.key(), deadLetter.value(), headers);
    }
}
