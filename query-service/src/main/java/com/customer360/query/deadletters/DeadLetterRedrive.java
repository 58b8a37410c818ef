package com.customer360.query.deadletters;

import com.customer360.query.deadletters.RedriveReport.Blocker;
import com.customer360.query.deadletters.RedriveReport.CustomerRedrive;
import com.customer360.query.web.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What operators do with held customers: re-drive their dead letters once the cause is fixed, or delete one that can
 * never be read. A re-drive reads a customer's dead letters in topic order and applies them through the same
 * projection as the live listener; it goes on past those that still cannot be applied (every aggregate's sequence
 * keeps the others in order: an event after one that is still missing waits too), repeats while a pass applied
 * something, deletes each one applied, updates the reasons of the rest, and releases the customer when none is left.
 *
 * <p>How this stays safe next to the live listener, which holds customers without any lock:
 *
 * <ul>
 *   <li>The listener does not apply a held customer's events; it stores them as dead letters first and only then bumps
 *       the hold's version. A hold is released only when its dead letters are gone <em>and</em> its version is still
 *       the one read before they were looked up, in one conditional delete. So a dead letter stored while a re-drive
 *       runs is either seen and applied by it, or keeps (or re-creates) the hold, and is picked up by the same
 *       re-drive's next round or the next re-drive.
 *   <li>The listener checks holds once per batch; a batch that saw the hold before it was released dead-letters the
 *       customer's records and holds them again, which costs a re-drive, never an event.
 *   <li>Re-drives, heals and deletes of one instance run one at a time. Two instances re-driving the same customer
 *       each apply what the sequence rule lets them, and every document applies each event once.
 * </ul>
 */
@Component
class DeadLetterRedrive {

    /** Rounds of draining a customer who keeps receiving dead letters before a re-drive leaves them for the next one. */
    private static final int MAX_ROUNDS = 5;
    /** Passes over a customer's dead letters within a round; each one that applies something may unblock others. */
    private static final int MAX_PASSES = 10;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrive.class);

    private final StoredDeadLetters deadLetters;
    private final HeldCustomers heldCustomers;
    private final Replay replay;
    private final DeadLetterSettings settings;
    private final MeterRegistry meters;

    DeadLetterRedrive(
            StoredDeadLetters deadLetters,
            HeldCustomers heldCustomers,
            Replay replay,
            DeadLetterSettings settings,
            MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.heldCustomers = heldCustomers;
        this.replay = replay;
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

    /** Re-drives a customer held at a gap, if still held; {@code null} when not. */
    synchronized CustomerRedrive heal(String customerId) {
        return heldCustomers.find(customerId).map(this::redrive).orElse(null);
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
            if (!drained.left().isEmpty()) {
                DeadLetter first = drained.left().get(0);
                log.warn(
                        "Re-drive applied {} dead letters of customer {}; {} still held, the first {}: {}",
                        applied,
                        customerId,
                        drained.left().size(),
                        first.id(),
                        first.reasonCode());
                return new CustomerRedrive(
                        customerId,
                        applied,
                        deadLetters.countOf(customerId),
                        false,
                        new Blocker(first.id(), first.reasonCode(), first.reason()));
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

    /** Applies what it can of the customer's dead letters, pass after pass while a pass applies something. */
    private Drained drain(String customerId) {
        int applied = 0;
        List<DeadLetter> left = List.of();
        for (int pass = 1; pass <= MAX_PASSES; pass++) {
            int progress = 0;
            List<DeadLetter> failing = new ArrayList<>();
            ConsumerRecord<String, byte[]> after = null;
            while (true) {
                List<ConsumerRecord<String, byte[]>> chunk =
                        deadLetters.of(customerId, after, settings.redriveChunkSize());
                if (chunk.isEmpty()) {
                    break;
                }
                Map<Integer, DeadLetter> stillFailing = replay.apply(chunk);
                List<String> done = new ArrayList<>(chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                    if (!stillFailing.containsKey(i)) {
                        done.add(DeadLetter.idOf(chunk.get(i)));
                    }
                }
                // Only once applied: a re-drive that dies here applies them again, which the sequence guards make safe.
                deadLetters.delete(done);
                deadLetters.updateReasons(stillFailing.values());
                stillFailing.keySet().stream().sorted().forEach(i -> failing.add(stillFailing.get(i)));
                progress += done.size();
                after = chunk.get(chunk.size() - 1);
            }
            applied += progress;
            meters.counter("customer360.dead-letters.redriven").increment(progress);
            left = failing;
            if (progress == 0 || failing.isEmpty()) {
                break;
            }
        }
        return new Drained(applied, left);
    }

    private record Drained(int applied, List<DeadLetter> left) {}
}
