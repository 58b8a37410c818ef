package com.customer360.query.views;

import com.customer360.query.intake.EventReader;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the event topic from its beginning into one version of a view, on a thread of its own, for as long as its
 * instance holds the version's lease. The history the topic holds when the rebuild begins is read in passes that
 * each fold one range of customers in memory and insert their documents once ({@link CatchUpPasses}); from the end
 * of that history on, slices of up to {@code slice-events} events are read, folded and written in bulk, and only then
 * are the slice's offsets committed to the rebuild's own consumer group. That committed position — or, before it,
 * where the passes stand — is where a restart, after a crash or on another instance, goes on from; the documents'
 * sequence guards make what it repeats harmless, so a resumed rebuild ends with the same documents as one that never
 * stopped.
 *
 * <p>It catches up (the lag reaches zero), then keeps following live events until its version is switched away and
 * retired or the rebuild is dropped. An as-of snapshot applies only events recorded at or before its moment and stops
 * once caught up.
 */
final class RebuildRunner implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RebuildRunner.class);

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
    private final RebuildSlices slices;
    private final Rebuilds rebuilds;
    private final VersionHolds holds;
    private final ViewSettings settings;
    private final Clock clock;
    private final Callbacks callbacks;
    private volatile boolean stopping;
    private RebuildPace pace;

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
        this.slices = new RebuildSlices(rebuild, consumer, reader, holds, settings, clock, () -> stopping);
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
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            boolean caughtUp = rebuild.state() != Rebuild.State.RUNNING;
            if (!caughtUp && nothingCommitted(partitions)) {
                CatchUpPasses passes = new CatchUpPasses(
                        rebuild,
                        consumer,
                        partitions,
                        projectors,
                        slices,
                        rebuilds,
                        settings.bulkMaxDocuments(),
                        () -> stopping);
                if (!passes.run((applied, total) -> progressed(applied, total, total - applied))) {
                    return;
                }
            }
            seekToCommitted(partitions);
            RebuildProjectors.VersionProjection projection =
                    caughtUp ? projectors.forVersion(rebuild.version()) : projectors.catchUp(rebuild.version(), true);
            while (!stopping) {
                List<ConsumerRecord<String, byte[]>> slice = slices.poll();
                if (!slice.isEmpty()) {
                    slices.applyUntilDone(slice, projection);
                }
                long lag = lag(partitions);
                if (projection.unwritten()
                        && (projection.buffered() >= settings.bulkMaxDocuments() || lag == 0 || slice.isEmpty())) {
                    if (!slices.storeStep(
                            projection::flush, "could not write its documents, going back to its committed position")) {
                        // A flush the store broke off: go back to the committed position with nothing in memory.
                        seekToCommitted(partitions);
                        projection = projectors.catchUp(rebuild.version(), true);
                        continue;
                    }
                }
                if (!slice.isEmpty() && !projection.unwritten()) {
                    consumer.commitSync(positions(partitions));
                }
                long applied = applied(partitions, beginnings);
                if (!progressed(applied, applied + lag, lag)) {
                    break;
                }
                if (!caughtUp
                        && lag == 0
                        && !projection.unwritten()
                        && settled()
                        && slices.storeStep(projection::finish, "could not complete its version, trying again")) {
                    caughtUp = true;
                    projection = projectors.forVersion(rebuild.version());
                    if (callbacks.caughtUp(rebuild)) {
                        break;
                    }
                }
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

    /**
     * Records the progress and keeps the configured pace; whether to go on. The pace is measured from the first
     * progress this runner records.
     */
    private boolean progressed(long applied, long total, long lag) {
        if (pace == null) {
            pace = new RebuildPace(applied);
        }
        pace.record(applied);
        rebuilds.progress(rebuild.rebuildId(), applied, total, pace.perSecond(), lag, holds.count(rebuild.version()));
        if (!callbacks.shouldRun(rebuild.rebuildId())) {
            return false;
        }
        pace.keep(settings.maxEventsPerSecond());
        return true;
    }

    private boolean nothingCommitted(List<TopicPartition> partitions) {
        return consumer.committed(Set.copyOf(partitions)).values().stream().allMatch(java.util.Objects::isNull);
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

    /** A snapshot is complete only once events recorded before its moment can no longer be on their way. */
    private boolean settled() {
        return rebuild.asOf() == null || clock.instant().isAfter(rebuild.asOf().plus(settings.asOfSettle()));
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
