package com.customer360.query.intake;

import com.customer360.query.deadletters.DeadLetter;
import com.customer360.query.deadletters.DeadLetters;
import com.customer360.query.projection.ProjectionResult;
import com.customer360.query.projection.Projector;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The consumer-group listener of {@code customer-order-events}, in a straight line: read and triage the batch (held
 * customers' records and unreadable ones become dead letters, see {@link BatchTriage}), project the rest, put aside
 * what the projection could not apply, and only then let the container commit the offsets (ack mode BATCH). It blocks
 * a customer, never the partition: whatever one customer's data does, the others' events are applied.
 *
 * <p>If anything throws — the store or the broker unreachable — the container's error handler retries the whole batch
 * for as long as it takes: the dead letters' ids, the documents' sequence guards and the customer documents' record of
 * what they hold ahead of the order documents make that safe.
 */
@Component
class CustomerOrderEventsListener {

    private final EventReader reader;
    private final DeadLetters deadLetters;
    private final Projector projector;
    private final Clock clock;
    private final BatchCheckpoints checkpoints;
    private final Counter consumed;

    @Autowired
    CustomerOrderEventsListener(
            EventReader reader,
            DeadLetters deadLetters,
            Projector projector,
            Clock clock,
            ObjectProvider<BatchCheckpoints> checkpoints,
            ObjectProvider<MeterRegistry> meters) {
        this(
                reader,
                deadLetters,
                projector,
                clock,
                checkpoints.getIfAvailable(() -> BatchCheckpoints.NONE),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    CustomerOrderEventsListener(
            EventReader reader,
            DeadLetters deadLetters,
            Projector projector,
            Clock clock,
            BatchCheckpoints checkpoints,
            MeterRegistry meters) {
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.projector = projector;
        this.clock = clock;
        this.checkpoints = checkpoints;
        // Every event taken off the topic: applied, ignored as a repeat, or put aside as a dead letter.
        this.consumed = Counter.builder("customer360.projection.events")
                .description("Events the projection took off the event topic")
                .register(meters);
    }

    @KafkaListener(
            id = "customer-order-events-projection",
            idIsGroup = false,
            topics = "${customer360.topics.events:customer-order-events}",
            batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        BatchTriage triage =
                BatchTriage.of(records, deadLetters.heldAmong(customersOf(records)), reader, clock.instant());
        ProjectionResult projected = projector.project(triage.events(), true);
        List<DeadLetter> putAside = new ArrayList<>(triage.deadLetters());
        putAside.addAll(triage.failed(projected, clock.instant()));
        deadLetters.keep(putAside);
        checkpoints.batchWritten(records);
        consumed.increment(records.size());
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
