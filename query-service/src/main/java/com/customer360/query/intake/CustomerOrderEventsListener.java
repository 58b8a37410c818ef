package com.customer360.query.intake;

import com.customer360.events.cloudevents.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The consumer-group listener of {@code customer-order-events}. A batch is done when its unreadable records are on
 * the dead-letter topic and its events are in every read model; only then does the container commit the batch's
 * offsets (ack mode BATCH). If anything throws, the container's error handler retries the whole batch, which the
 * documents' sequence guards make safe.
 */
@Component
class CustomerOrderEventsListener {

    private final EventReader reader;
    private final DeadLetterPublisher deadLetters;
    private final ReadModelProjector projector;

    CustomerOrderEventsListener(EventReader reader, DeadLetterPublisher deadLetters, ReadModelProjector projector) {
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.projector = projector;
    }

    @KafkaListener(
            id = "customer-order-events-projection",
            idIsGroup = false,
            topics = "${customer360.topics.events:customer-order-events}",
            batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        List<DeadLetter> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventReader.Read read = reader.read(record);
            if (read.event() != null) {
                events.add(read.event());
            } else {
                unreadable.add(read.deadLetter());
            }
        }
        deadLetters.publish(unreadable);
        projector.project(events);
    }
}
