package com.customer360.query.views;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.fold.Failure;
import com.customer360.query.intake.EventReader;
import com.customer360.query.projection.ProjectionResult;
import com.mongodb.MongoException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the event topic from its beginning into one version of a view, on a thread of its own, for as long as its
 * instance holds the version's lease: slices of up to {@code slice-events} events are read, folded and written in
 * bulk (the version's collections start empty, so most documents are inserted, not read first), and only then are
 * the slice's offsets committed to the rebuild's own consumer group. That committed position is where a restart —
 * after a crash, or on another instance — goes on from; the documents' sequence guards make the slice it repeats
 * harmless, so a resumed rebuild ends with the same documents as one that never stopped.
 *
 * <p>It catches up (the lag reaches zero), then keeps following live events until its version is switched away and
 * retired or the rebuild is dropped. An as-of snapshot applies only events recorded at or before its moment and stops
 * once caught up.
 */
final class RebuildRunner implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RebuildRunner.class);
    private static final Duration OUTAGE_PAUSE = Duration.ofSeconds(1);

    interface Callbacks {
        /** The rebuild caught up; returns whether the runner should stop (a snapshot is complete). */
        boolean caughtUp(Rebuild rebuild);

        /** Whether the runner should go on; asked after every slice. */
        boolean shouldRun(String rebuildId);
    }

    private final Rebuild rebuild;
    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final RebuildProjectors projectors;
    private final EventReader reader;
    private final Rebuilds rebuilds;
    private final VersionHolds holds;
    private final ViewSettings settings;
    private final Clock clock;
    private final Callbacks callbacks;
    private volatile boolean stopping;

    RebuildRunner(
            Rebuild rebuild,
            Consumer<String, byte[]> consumer,
            String topic,
            RebuildProjectors projectors,
            EventReader reader,
            Rebuilds rebuilds,
            VersionHolds holds,
            ViewSettings settings,
            Clock clock,
            Callbacks callbacks) {
        this.rebuild = rebuild;
        this.consumer = consumer;
        this.topic = topic;
        this.projectors = projectors;
        this.reader = reader;
        this.rebuilds = rebuilds;
        this.holds = holds;
        this.settings = settings;
        this.clock = clock;
        this.callbacks = callbacks;
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try (consumer) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            seekToCommitted(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            RebuildPace pace = new RebuildPace(applied(partitions, beginnings));
            boolean caughtUp = rebuild.state() != Rebuild.State.RUNNING;
            RebuildProjectors.VersionProjection projection =
                    caughtUp ? projectors.forVersion(rebuild.version()) : projectors.catchUp(rebuild.version());
            while (!stopping) {
                List<ConsumerRecord<String, byte[]>> slice = poll();
                if (!slice.isEmpty()) {
                    applyUntilDone(slice, projection);
                }
                long lag = lag(partitions);
                if (projection.buffered() > 0
                        && (projection.buffered() >= settings.bulkMaxDocuments() || lag == 0 || slice.isEmpty())) {
                    if (!flushed(projection)) {
                        // A flush the store broke off: go back to the committed position with nothing in memory.
                        seekToCommitted(partitions);
                        projection = projectors.catchUp(rebuild.version());
                        continue;
                    }
                }
                if (!slice.isEmpty() && projection.buffered() == 0) {
                    consumer.commitSync(positions(partitions));
                }
                long applied = applied(partitions, beginnings);
                pace.record(applied);
                rebuilds.progress(
                        rebuild.rebuildId(),
                        applied,
                        applied + lag,
                        pace.perSecond(),
                        lag,
                        holds.count(rebuild.version()));
                if (!callbacks.shouldRun(rebuild.rebuildId())) {
                    break;
                }
                if (!caughtUp && lag == 0 && projection.buffered() == 0 && settled() && finished(projection)) {
                    caughtUp = true;
                    projection = projectors.forVersion(rebuild.version());
                    if (callbacks.caughtUp(rebuild)) {
                        break;
                    }
                }
                pace.keep(settings.maxEventsPerSecond());
            }
        } catch (WakeupException e) {
            // Stopped: the lease was lost or the service stops; the committed position is where it goes on.
        } catch (RuntimeException e) {
            if (!stopping) {
                log.warn(
                        "Rebuild {} of {} failed: {}",
                        rebuild.rebuildId(),
                        rebuild.view(),
                        e.getClass().getName());
                rebuilds.move(
                        rebuild.rebuildId(),
                        Rebuild.State.FAILED,
                        com.mongodb.client.model.Updates.set("failure", describe(e)),
                        Rebuild.State.RUNNING,
                        Rebuild.State.CAUGHT_UP,
                        Rebuild.State.SWITCHED);
            }
        }
    }

    private void seekToCommitted(List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata position = committed.get(partition);
            if (position == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, position.offset());
            }
        }
    }

    /** Writes what the catch-up holds in memory; {@code false} if the store broke off (it is then retried). */
    private boolean flushed(RebuildProjectors.VersionProjection projection) {
        return done(projection::flush, "could not write its documents, going back to its committed position");
    }

    /** Completes the version's catch-up (its indexes); {@code false} if the store broke off (tried again later). */
    private boolean finished(RebuildProjectors.VersionProjection projection) {
        return done(projection::finish, "could not complete its version, trying again");
    }

    /** Runs a step against the store; {@code false}, after a pause, if the store broke it off. */
    private boolean done(Runnable step, String otherwise) {
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

    /** A snapshot is complete only once events recorded before its moment can no longer be on their way. */
    private boolean settled() {
        return rebuild.asOf() == null || clock.instant().isAfter(rebuild.asOf().plus(settings.asOfSettle()));
    }

    private List<ConsumerRecord<String, byte[]>> poll() {
        List<ConsumerRecord<String, byte[]>> slice = new ArrayList<>();
        Duration wait = Duration.ofMillis(500);
        while (slice.size() < settings.sliceEvents() && !stopping) {
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
    private void applyUntilDone(
            List<ConsumerRecord<String, byte[]>> slice, RebuildProjectors.VersionProjection projection) {
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
                if (stopping) {
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
        Set<String> held = holds.heldAmong(rebuild.version(), keys);
        Map<String, String> newlyHeld = new LinkedHashMap<>();
        List<EventEnvelope> events = new ArrayList<>(slice.size());
        for (ConsumerRecord<String, byte[]> record : slice) {
            if (record.key() == null || held.contains(record.key()) || newlyHeld.containsKey(record.key())) {
                continue;
            }
            EventReader.Read read = reader.read(record);
            if (read.deadLetter() != null) {
                newlyHeld.put(
                        record.key(),
                        read.deadLetter().reasonCode() + " at " + record.partition() + "@" + record.offset());
                continue;
            }
            if (rebuild.asOf() != null && read.event().time().isAfter(rebuild.asOf())) {
                continue;
            }
            events.add(read.event());
        }
        ProjectionResult result = projection.project(events);
        Map<String, String> failed = new HashMap<>();
        result.failures()
                .forEach((index, failure) -> failed.putIfAbsent(
                        events.get(index).event().customerId(), reasonOf(failure, events.get(index))));
        newlyHeld.putAll(failed);
        holds.hold(rebuild.version(), newlyHeld, clock.instant());
    }

    private static String reasonOf(Failure failure, EventEnvelope event) {
        return failure.reasonCode() + " at event " + event.id();
    }

    private Map<TopicPartition, OffsetAndMetadata> positions(List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        partitions.forEach(partition -> positions.put(partition, new OffsetAndMetadata(consumer.position(partition))));
        return positions;
    }

    private long applied(List<TopicPartition> partitions, Map<TopicPartition, Long> beginnings) {
        long applied = 0;
        for (TopicPartition partition : partitions) {
            applied += consumer.position(partition) - beginnings.getOrDefault(partition, 0L);
        }
        return applied;
    }

    private long lag(List<TopicPartition> partitions) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end :
                consumer.endOffsets(partitions).entrySet()) {
            lag += Math.max(0, end.getValue() - consumer.position(end.getKey()));
        }
        return lag;
    }

    /** The failure as the rebuild's state tells it: its type and message, which carry no customer data. */
    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        String described = cause.getClass().getName() + message;
        return described.length() > 500 ? described.substring(0, 500) : described;
    }
}
