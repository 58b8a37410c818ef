package com.customer360.query.intake;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.deadletters.DeadLetter;
import com.customer360.query.deadletters.Hold;
import com.customer360.query.fold.Failure;
import com.customer360.query.projection.ProjectionResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Sorts one batch into the events to apply and the records to dead-letter, by the rule "block the key, not the
 * partition": a record that cannot be read holds its customer, and every later record of a held customer is
 * dead-lettered behind it instead of being applied, while other customers in the same partition keep flowing. Once
 * the events were projected, {@link #failed} does the same for the events the projection could not apply.
 *
 * <p>A customer is held if they were held when the batch started, or if one of their records earlier in this batch
 * could not be read (a customer's records are in offset order within a batch). A record without a key is only
 * dead-lettered: nobody can be held behind it. Plain Java, so the rule is tested without Kafka or MongoDB.
 *
 * @param events the readable events of customers who are not held, in record order
 * @param records the record of each of {@code events}, at the same index
 * @param deadLetters every other record, in record order
 */
record BatchTriage(
        List<EventEnvelope> events, List<ConsumerRecord<String, byte[]>> records, List<DeadLetter> deadLetters) {

    /**
     * @param held the holds stored when the batch started, by customer id
     * @param now when the batch is processed, for holds it starts
     */
    static BatchTriage of(
            List<ConsumerRecord<String, byte[]>> records, Map<String, Hold> held, EventReader reader, Instant now) {
        Map<String, Hold> holding = new HashMap<>(held);
        List<EventEnvelope> events = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> eventRecords = new ArrayList<>(records.size());
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String customerId = record.key();
            Hold hold = customerId == null ? null : holding.get(customerId);
            if (hold != null && !hold.firstDeadLetterId().equals(DeadLetter.idOf(record))) {
                deadLetters.add(DeadLetter.heldBehind(record, hold));
                continue;
            }
            EventReader.Read read = reader.read(record);
            if (read.deadLetter() != null) {
                deadLetters.add(read.deadLetter());
                if (customerId != null && hold == null) {
                    holding.put(customerId, Hold.startedBy(read.deadLetter(), now));
                }
            } else if (hold != null) {
                // The record that started the hold, redelivered and now readable: it still waits for the re-drive.
                deadLetters.add(DeadLetter.heldBehind(record, hold));
            } else {
                events.add(read.event());
                eventRecords.add(record);
            }
        }
        return new BatchTriage(events, eventRecords, deadLetters);
    }

    /**
     * The dead letters of the events the projection could not apply: per customer, the first such event with its
     * reason, and every later event of that customer in the batch held behind it.
     */
    List<DeadLetter> failed(ProjectionResult result, Instant now) {
        Map<String, Hold> holds = new LinkedHashMap<>();
        List<DeadLetter> failed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String customerId = events.get(i).event().customerId();
            Hold hold = holds.get(customerId);
            Failure failure = result.failures().get(i);
            if (hold != null) {
                failed.add(DeadLetter.heldBehind(records.get(i), hold));
            } else if (failure != null) {
                DeadLetter first = new DeadLetter(records.get(i), failure.reasonCode(), failure.reason());
                failed.add(first);
                holds.put(customerId, Hold.startedBy(first, now));
            }
        }
        return failed;
    }
}
