package com.customer360.query.intake;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The consumer-group listener of {@code customer-order-events}. It blocks a customer, never the partition: a record
 * that cannot be read holds its customer, whose later records are dead-lettered behind it (see {@link BatchTriage})
 * until a re-drive applies them in order, while every other customer's events are applied as they come.
 *
 * <p>A batch is done, and the container commits its offsets (ack mode BATCH), only once its dead letters are stored,
 * their customers' holds are stored, the dead letters are on the dead-letter topic and the batch's events are in every
 * read model, in that order. If anything throws, the container's error handler retries the whole batch: the dead
 * letters' ids and the documents' sequence guards make that safe, and the holds stored by the failed attempt make the
 * retry dead-letter the held customers' records that the failed attempt may not have reached.
 */
@Component
class CustomerOrderEventsListener {

    private final EventReader reader;
    private final HeldCustomers heldCustomers;
    private final StoredDeadLetters storedDeadLetters;
    private final DeadLetterPublisher deadLetterTopic;
    private final ReadModelProjector projector;
    private final Clock clock;
    private final BatchCheckpoints checkpoints;

    @Autowired
    CustomerOrderEventsListener(
            EventReader reader,
            HeldCustomers heldCustomers,
            StoredDeadLetters storedDeadLetters,
            DeadLetterPublisher deadLetterTopic,
            ReadModelProjector projector,
            Clock clock,
            ObjectProvider<BatchCheckpoints> checkpoints) {
        this(
                reader,
                heldCustomers,
                storedDeadLetters,
                deadLetterTopic,
                projector,
                clock,
                checkpoints.getIfAvailable(() -> BatchCheckpoints.NONE));
    }

    CustomerOrderEventsListener(
            EventReader reader,
            HeldCustomers heldCustomers,
            StoredDeadLetters storedDeadLetters,
            DeadLetterPublisher deadLetterTopic,
            ReadModelProjector projector,
            Clock clock,
            BatchCheckpoints checkpoints) {
        this.reader = reader;
        this.heldCustomers = heldCustomers;
        this.storedDeadLetters = storedDeadLetters;
        this.deadLetterTopic = deadLetterTopic;
        this.projector = projector;
        this.clock = clock;
        this.checkpoints = checkpoints;
    }

    @KafkaListener(
            id = "customer-order-events-projection",
            idIsGroup = false,
            topics = "${customer360.topics.events:customer-order-events}",
            batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        BatchTriage triage =
                BatchTriage.of(records, heldCustomers.among(customersOf(records)), reader, clock.instant());
        if (!triage.deadLetters().isEmpty()) {
            storedDeadLetters.store(triage.deadLetters());
            // Only once the dead letters are stored: a re-drive that read the hold's version before this bump cannot
            // release it any more, and one that reads the version after it finds these dead letters.
            heldCustomers.hold(triage.deadLetters());
            deadLetterTopic.publish(triage.deadLetters());
        }
        projector.project(triage.events());
        checkpoints.batchWritten(records);
    }

    private static Set<String> customersOf(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> customerIds = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null) {
                customerIds.add(record.key());
            }
        }
        return customerIds;
    }
}
