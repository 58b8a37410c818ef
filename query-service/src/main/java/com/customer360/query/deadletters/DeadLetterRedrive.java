package com.customer360.query.intake;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.intake.RedriveReport.Blocker;
import com.customer360.query.intake.RedriveReport.CustomerRedrive;
import com.customer360.query.web.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What operators do with held customers: re-drive their dead letters once the cause is fixed, or delete one that can
 * never be read. A re-drive reads a customer's dead letters in topic order and applies them through the same
 * projection path as the live listener (same sequence guards); it deletes each one applied and stops at the first one
 * that still cannot be read, which stays, with its reason updated, and keeps the customer held.
 *
 * <p>How this stays safe next to the live listener, which holds customers without any lock:
 *
 * <ul>
 *   <li>The listener does not apply a held customer's events; it stores them as dead letters first and only then bumps
 *       the hold's version. A hold is released only when its dead letters are gone <em>and</em> its version is still
 *       the one read before they were looked up, in one conditional delete. So a dead letter stored while a re-drive
 *       runs is either seen and applied by it, or keeps (or re-creates) the hold, and is picked up by the same
 *       re-drive's next round or the next re-drive. A customer's events are therefore never applied out of order.
 *   <li>The listener checks holds once per batch; a batch that saw the hold before it was released dead-letters the
 *       customer's records and holds them again, which costs a re-drive, never an event.
 *   <li>Re-drives and deletes of one instance run one at a time. Two instances re-driving the same customer each apply
 *       a prefix of the same ordered dead letters, so every event is still applied after all the events before it.
 * </ul>
 */
@Component
class DeadLetterRedrive {

    /** Rounds of draining a customer who keeps receiving dead letters before a re-drive leaves them for the next one. */
    private static final int MAX_ROUNDS = 5;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrive.class);

    private final StoredDeadLetters deadLetters;
    private final HeldCustomers heldCustomers;
    private final EventReader reader;
    private final ReadModelProjector projector;
    private final DeadLetterSettings settings;
    private final MeterRegistry meters;

    DeadLetterRedrive(
            StoredDeadLetters deadLetters,
            HeldCustomers heldCustomers,
            EventReader reader,
            ReadModelProjector projector,
            DeadLetterSettings settings,
            MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.heldCustomers = heldCustomers;
        this.reader = reader;
        this.projector = projector;
        this.settings = settings;
        this.meters = meters;
    }

    /** Re-drives every held customer, oldest hold first. */
    synchronized RedriveReport redriveAll() {
        List<CustomerRedrive> customers = new ArrayList<>();
        heldCustomers.all().forEach(hold -> customers.add(redrive(hold)));
        return RedriveReport.of(customers);
    }

    synchronized RedriveReport redrive(String customerId) {
        Hold hold =
                heldCustomers.find(customerId).orElseThrow(() -> new NotFoundException("held customer", customerId));
        return RedriveReport.of(List.of(redrive(hold)));
    }

    /**
     * Deletes a dead letter for good, and releases its customer if it was their last one. The event is then never
     * applied: this is for records that can never be read, and the operator's reason is logged.
     */
    synchronized DeletedDeadLetter delete(String id, String reason) {
        Document stored = deadLetters.find(id).orElseThrow(() -> new NotFoundException("dead letter", id));
        String customerId = StoredDeadLetters.customerIdOf(stored);
        // Read before the dead letters are counted, like a re-drive does (see the class comment).
        Optional<Hold> hold = customerId == null ? Optional.empty() : heldCustomers.find(customerId);
        deadLetters.delete(List.of(id));
        log.warn(
                "Dead letter {} (customer {}) deleted by an operator without being applied; reason given: {}",
                id,
                customerId,
                reason.replaceAll("[\\r\\n\\t]+", " "));
        boolean released = hold.isPresent()
                && deadLetters.countOf(customerId) == 0
                && heldCustomers.release(customerId, hold.get().version());
        return new DeletedDeadLetter(id, customerId, released);
    }

    private CustomerRedrive redrive(Hold hold) {
        String customerId = hold.customerId();
        long version = hold.version();
        int applied = 0;
        for (int round = 1; ; round++) {
            Drained drained = drain(customerId);
            applied += drained.applied();
            if (drained.blocker() != null) {
                DeadLetter blocker = drained.blocker();
                log.warn(
                        "Re-drive applied {} dead letters of customer {}; still held behind {}: {}",
                        applied,
                        customerId,
                        blocker.id(),
                        blocker.reasonCode());
                return new CustomerRedrive(
                        customerId,
                        applied,
                        deadLetters.countOf(customerId),
                        false,
                        new Blocker(blocker.id(), blocker.reasonCode(), blocker.reason()));
            }
            Optional<Hold> current =
                    heldCustomers.release(customerId, version) ? Optional.empty() : heldCustomers.find(customerId);
            if (current.isEmpty()) {
                log.info("Re-drive applied {} dead letters of customer {} and released them", applied, customerId);
                return new CustomerRedrive(customerId, applied, 0, true, null);
            }
            if (round == MAX_ROUNDS) {
                log.warn("Customer {} kept receiving dead letters during a re-drive; still held", customerId);
                return new CustomerRedrive(customerId, applied, deadLetters.countOf(customerId), false, null);
            }
            version = current.get().version();
        }
    }

    /** Applies the customer's dead letters in topic order until none is left or one still cannot be read. */
    private Drained drain(String customerId) {
        int applied = 0;
        while (true) {
            List<ConsumerRecord<String, byte[]>> chunk = deadLetters.oldestOf(customerId, settings.redriveChunkSize());
            if (chunk.isEmpty()) {
                return new Drained(applied, null);
            }
            List<EventEnvelope> events = new ArrayList<>(chunk.size());
            List<String> ids = new ArrayList<>(chunk.size());
            DeadLetter blocker = null;
            for (ConsumerRecord<String, byte[]> record : chunk) {
                EventReader.Read read = reader.read(record);
                if (read.deadLetter() != null) {
                    blocker = read.deadLetter();
                    break;
                }
                events.add(read.event());
                ids.add(DeadLetter.idOf(record));
            }
            projector.project(events);
            // Only once applied: a re-drive that dies here applies them again, which the sequence guards make safe.
            deadLetters.delete(ids);
            applied += ids.size();
            meters.counter("customer360.dead-letters.redriven").increment(ids.size());
            if (blocker != null) {
                deadLetters.updateReason(blocker);
                return new Drained(applied, blocker);
            }
        }
    }

    private record Drained(int applied, DeadLetter blocker) {}
}
