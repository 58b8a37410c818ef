package com.customer360.query.views;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.intake.EventReader;
import com.customer360.query.projection.ProjectionResult;
import com.mongodb.MongoException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rebuild's slices: read off the topic, and applied to its version — each record read, held back if its customer
 * is held, passed over if recorded after an as-of moment, folded otherwise — with the customers it could not apply
 * held from that record on.
 */
final class RebuildSlices {

    private static final Logger log = LoggerFactory.getLogger(RebuildSlices.class);
    private static final Duration OUTAGE_PAUSE = Duration.ofSeconds(1);

    private final Rebuild rebuild;
    private final Consumer<String, byte[]> consumer;
    private final EventReader reader;
    private final VersionHolds holds;
    private final ViewSettings settings;
    private final Clock clock;
    private final BooleanSupplier stopping;

    RebuildSlices(
            Rebuild rebuild,
            Consumer<String, byte[]> consumer,
            EventReader reader,
            VersionHolds holds,
            ViewSettings settings,
            Clock clock,
            BooleanSupplier stopping) {
        this.rebuild = rebuild;
        this.consumer = consumer;
        this.reader = reader;
        this.holds = holds;
        this.settings = settings;
        this.clock = clock;
        this.stopping = stopping;
    }

    /** Up to {@code slice-events} records, or fewer once the topic has no more for now. */
    List<ConsumerRecord<String, byte[]>> poll() {
        List<ConsumerRecord<String, byte[]>> slice = new ArrayList<>();
        Duration wait = Duration.ofMillis(500);
        while (slice.size() < settings.sliceEvents() && !stopping.getAsBoolean()) {
            var records = consumer.poll(wait);
            if (records.isEmpty()) {
                break;
            }
            records.forEach(slice::add);
            wait = Duration.ofMillis(20);
        }
        return slice;
    }

    /** Applies the slice, trying again while the store is unreachable: a slice is never skipped. */
    void applyUntilDone(List<ConsumerRecord<String, byte[]>> slice, RebuildProjectors.VersionProjection projection) {
        while (true) {
            try {
                apply(slice, projection);
                return;
            } catch (MongoException | KafkaException e) {
                if (e instanceof WakeupException) {
                    throw e;
                }
                log.warn(
                        "Rebuild {} could not write a slice, trying again: {}",
                        rebuild.rebuildId(),
                        e.getClass().getName());
                LockSupport.parkNanos(OUTAGE_PAUSE.toNanos());
                if (stopping.getAsBoolean()) {
                    throw new WakeupException();
                }
            }
        }
    }

    private void apply(List<ConsumerRecord<String, byte[]>> slice, RebuildProjectors.VersionProjection projection) {
        Set<String> keys = new LinkedHashSet<>();
        slice.forEach(record -> {
            if (record.key() != null) {
                keys.add(record.key());
            }
        });
        Map<String, VersionHolds.Hold> held = holds.heldAmong(rebuild.version(), keys);
        Map<String, VersionHolds.Hold> newlyHeld = new LinkedHashMap<>();
        List<EventEnvelope> events = new ArrayList<>(slice.size());
        List<ConsumerRecord<String, byte[]>> folded = new ArrayList<>(slice.size());
        for (ConsumerRecord<String, byte[]> record : slice) {
            if (record.key() == null || newlyHeld.containsKey(record.key())) {
                continue;
            }
            VersionHolds.Hold hold = held.get(record.key());
            if (hold != null && hold.covers(record.partition(), record.offset())) {
                continue;
            }
            EventReader.Read read = reader.read(record);
            if (read.deadLetter() != null) {
                newlyHeld.put(record.key(), holdAt(record, read.deadLetter().reasonCode() + " at " + at(record)));
                continue;
            }
            if (rebuild.asOf() != null && read.event().time().isAfter(rebuild.asOf())) {
                continue;
            }
            events.add(read.event());
            folded.add(record);
        }
        ProjectionResult result = projection.project(events);
        // A customer is held from its first record it could not apply.
        result.failures()
                .forEach((index, failure) -> newlyHeld.merge(
                        events.get(index).event().customerId(),
                        holdAt(
                                folded.get(index),
                                failure.reasonCode() + " at event "
                                        + events.get(index).id()),
                        (one, other) -> one.offset() <= other.offset() ? one : other));
        holds.hold(rebuild.version(), newlyHeld, clock.instant());
    }

    /** Runs a step against the store; {@code false}, after a pause, if the store broke it off. */
    boolean storeStep(Runnable step, String otherwise) {
        try {
            step.run();
            return true;
        } catch (MongoException e) {
            log.warn(
                    "Rebuild {} {}: {}",
                    rebuild.rebuildId(),
                    otherwise,
                    e.getClass().getName());
            LockSupport.parkNanos(OUTAGE_PAUSE.toNanos());
            return false;
        }
    }

    private static VersionHolds.Hold holdAt(ConsumerRecord<String, byte[]> record, String reason) {
        return new VersionHolds.Hold(reason, record.partition(), record.offset());
    }

    private static String at(ConsumerRecord<String, byte[]> record) {
        return record.partition() + "@" + record.offset();
    }
}
