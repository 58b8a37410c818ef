package com.customer360.command.inbound;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The consumer-group listener of the inbound topic. Records are handled one by one in offset order; the container
 * commits the batch's offsets after the listener returns, when every record is carried out, waiting in MongoDB or on
 * the dead-letter topic. If one cannot be handled because MongoDB or Kafka is down, the records before it are
 * committed and it is retried, with back-off, until it can.
 */
final class InboundListener {

    private final InboundIntake intake;

    InboundListener(InboundIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(
            id = "upstream-order-events-intake",
            idIsGroup = false,
            topics = "${customer360.inbound.topic:upstream-order-events}",
            batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        for (int i = 0; i < records.size(); i++) {
            try {
                intake.handleNew(InboundRecord.of(records.get(i)));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("upstream message could not be handled yet", e, i);
            }
        }
    }
}
