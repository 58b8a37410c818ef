package com.customer360.query.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A rebuild's first catch-up: the topic up to the end it had when the rebuild began, read in passes, each folding the
 * events of one range of customers — those whose {@linkplain #bucketOf bucket} is in it — entirely in memory, and
 * inserting their documents once, when the pass reaches that end. Every customer's documents are then written once
 * and never read back, however its events are spread over the history: on a history where customers' events are
 * interleaved at random, folding everyone at once in bounded memory meant writing, forgetting and reading back most
 * documents again and again, and the catch-up ran no faster than the live view's.
 *
 * <p>The first pass takes every bucket; whenever the documents in memory pass {@code bulk-max-documents} it halves
 * its range and drops, unwritten, what it folded for the buckets it gave up, which a later pass folds again. A pass
 * plans its range from what the pass before it found (events per bucket, documents per event). A range of one bucket
 * that still does not fit (one customer with a history too large for memory) is written whenever the bound is
 * reached, and the rest of the pass reads back what it needs, as the live view does.
 *
 * <p>Crash-safe: where the passes stand is recorded in the rebuild's document — the end, the buckets done, and how
 * far the version may hold documents of buckets not done (recorded before every write). A restarted pass folds its
 * range from the beginning again, reading back from the store the documents an interrupted write may have left, and
 * the documents' sequence guards make what it applies again harmless. Once every bucket is done, the end is committed
 * to the rebuild's consumer group and the rebuild follows the topic from there as before.
 */
final class CatchUpPasses {

    /** How finely customers are split into ranges. */
    static final int BUCKETS = 256;

    /** The share of the bound a planned pass aims to fill: documents per event vary from one range to another. */
    private static final double PLANNED_FILL = 0.8;

    /**
     * @param end the offset of each partition the passes read up to (exclusive)
     * @param doneBelow the buckets below it are written up to the end
     * @param dirtyBelow the version may hold documents of buckets below it
     * @param applied the records of the buckets done
     * @param passes the passes completed
     */
    record Standing(Map<Integer, Long> end, int doneBelow, int dirtyBelow, long applied, int passes) {

        Standing dirtiedBelow(int bucket) {
            return new Standing(end, doneBelow, Math.max(dirtyBelow, bucket), applied, passes);
        }
    }

    /** Reports progress and asks whether to go on, after every slice. */
    interface Progress {
        boolean record(long applied, long total);
    }

    private final Rebuild rebuild;
    private final Consumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final RebuildProjectors projectors;
    private final RebuildSlices slices;
    private final Rebuilds rebuilds;
    private final int bound;
    private final BooleanSupplier stopping;
    private long[] eventsPerBucket;
    private double documentsPerEvent;

    CatchUpPasses(
            Rebuild rebuild,
            Consumer<String, byte[]> consumer,
            List<TopicPartition> partitions,
            RebuildProjectors projectors,
            RebuildSlices slices,
            Rebuilds rebuilds,
            int bound,
            BooleanSupplier stopping) {
        this.rebuild = rebuild;
        this.consumer = consumer;
        this.partitions = partitions;
        this.projectors = projectors;
        this.slices = slices;
        this.rebuilds = rebuilds;
        this.bound = bound;
        this.stopping = stopping;
    }

    /** The bucket of a customer: a mix of its id's hash, stable across processes and versions. */
    static int bucketOf(String customerId) {
        int mixed = (customerId == null ? 0 : customerId.hashCode()) * 0x9E3779B9;
        return mixed >>> 24;
    }

    /**
     * Runs the passes left, then commits their end as the rebuild's position; {@code false} if told to stop first.
     */
    boolean run(Progress progress) {
        Standing standing = rebuilds.passes(rebuild.rebuildId()).orElse(null);
        if (standing == null) {
            Map<Integer, Long> end = new TreeMap<>();
            consumer.endOffsets(partitions).forEach((partition, offset) -> end.put(partition.partition(), offset));
            // A version written before (by an older catch-up) may hold documents of any bucket.
            standing = new Standing(end, 0, projectors.holdsDocuments(rebuild.version()) ? BUCKETS : 0, 0, 0);
            rebuilds.passes(rebuild.rebuildId(), standing);
        }
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        while (standing.doneBelow() < BUCKETS) {
            Standing after = pass(standing, beginnings, progress);
            if (after == null) {
                return false;
            }
            standing = after;
        }
        Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long offset = standing.end().getOrDefault(partition.partition(), 0L);
            consumer.seek(partition, offset);
            end.put(partition, new OffsetAndMetadata(offset));
        }
        consumer.commitSync(end);
        return true;
    }

    /**
     * One pass from the beginning; the standing after it (the same if the store broke a write off: the pass is run
     * again), or {@code null} if told to stop.
     */
    private Standing pass(Standing standing, Map<TopicPartition, Long> beginnings, Progress progress) {
        int lo = standing.doneBelow();
        int hi = plannedUpperBound(lo);
        RebuildProjectors.VersionProjection projection =
                projectors.catchUp(rebuild.version(), standing.dirtyBelow() > lo);
        beginnings.forEach(consumer::seek);
        long[] seen = new long[BUCKETS];
        boolean written = false;
        long total = total(standing, beginnings);
        while (!reachedEnd(standing)) {
            List<ConsumerRecord<String, byte[]>> slice = slices.poll();
            List<ConsumerRecord<String, byte[]>> ours = new ArrayList<>(slice.size());
            for (ConsumerRecord<String, byte[]> record : slice) {
                Long end = standing.end().get(record.partition());
                if (end == null || record.offset() >= end) {
                    continue;
                }
                int bucket = bucketOf(record.key());
                seen[bucket]++;
                if (record.key() != null && bucket >= lo && bucket < hi) {
                    ours.add(record);
                }
            }
            if (!ours.isEmpty()) {
                slices.applyUntilDone(ours, projection);
            }
            while (projection.buffered() >= bound && hi - lo > 1 && !written) {
                int kept = lo + (hi - lo) / 2;
                projection.forget(customerId -> bucketOf(customerId) >= kept);
                hi = kept;
            }
            if (projection.buffered() >= bound) {
                standing = dirtied(standing, hi);
                if (!slices.storeStep(projection::flush, "could not write its documents, running its pass again")) {
                    return standing;
                }
                written = true;
            }
            if (slice.isEmpty()) {
                total = total(standing, beginnings);
            }
            if (!progress.record(standing.applied() + sum(seen, lo, hi), total) || stopping.getAsBoolean()) {
                return null;
            }
        }
        int documents = projection.buffered();
        standing = dirtied(standing, hi);
        if (!slices.storeStep(projection::flush, "could not write its documents, running its pass again")) {
            return standing;
        }
        long events = sum(seen, lo, hi);
        eventsPerBucket = seen;
        documentsPerEvent = written || events == 0 ? documentsPerEvent : (double) documents / events;
        Standing done = new Standing(
                standing.end(), hi, standing.dirtyBelow(), standing.applied() + events, standing.passes() + 1);
        rebuilds.passes(rebuild.rebuildId(), done);
        return done;
    }

    /** Records, before a write, that the version may hold documents of the buckets below {@code hi}. */
    private Standing dirtied(Standing standing, int hi) {
        Standing dirtied = standing.dirtiedBelow(hi);
        if (dirtied.dirtyBelow() != standing.dirtyBelow()) {
            rebuilds.passes(rebuild.rebuildId(), dirtied);
        }
        return dirtied;
    }

    /** The buckets from {@code lo} the next pass takes: all, until a pass has shown how many documents they make. */
    private int plannedUpperBound(int lo) {
        if (eventsPerBucket == null || documentsPerEvent <= 0) {
            return BUCKETS;
        }
        double documents = 0;
        int hi = lo;
        while (hi < BUCKETS) {
            documents += eventsPerBucket[hi] * documentsPerEvent;
            if (hi > lo && documents > PLANNED_FILL * bound) {
                break;
            }
            hi++;
        }
        return hi;
    }

    private boolean reachedEnd(Standing standing) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < standing.end().getOrDefault(partition.partition(), 0L)) {
                return false;
            }
        }
        return true;
    }

    /** The records up to the end, and those after it the rebuild will follow once the passes are done. */
    private long total(Standing standing, Map<TopicPartition, Long> beginnings) {
        long total = 0;
        for (Map.Entry<TopicPartition, Long> latest :
                consumer.endOffsets(partitions).entrySet()) {
            long end = standing.end().getOrDefault(latest.getKey().partition(), 0L);
            total += end - beginnings.getOrDefault(latest.getKey(), 0L) + Math.max(0, latest.getValue() - end);
        }
        return total;
    }

    private static long sum(long[] counts, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += counts[i];
        }
        return sum;
    }
}
