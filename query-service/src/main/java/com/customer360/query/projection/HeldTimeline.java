package com.customer360.query.projection;

import com.customer360.query.timeline.TimelineDocuments;
import com.customer360.query.timeline.TimelineEntry;
import com.mongodb.MongoException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The timeline entries a rebuild's catch-up holds apart from its documents: once {@code bound} are held they are
 * written on a thread of their own while the folding goes on, at most one write at a time; the entries of a write
 * that failed are held again, for the next write to take or the flush to fail on. Writing an entry twice is harmless
 * (its id is its event's).
 *
 * <p>Why apart: written with each slice, every slice's commit rewrote the timeline's {@code _id} index, whose random
 * event ids touch most of its pages (half of a rebuild's time before the flush); counted with the documents towards
 * the bound, one entry per event made the flushes come every few thousand events on a long history.
 */
final class HeldTimeline {

    private final TimelineDocuments timeline;
    private final int bound;
    private final List<TimelineEntry> held = new ArrayList<>();
    private List<TimelineEntry> inFlight = List.of();
    private TimelineDocuments.Write underWay;

    HeldTimeline(TimelineDocuments timeline, int bound) {
        this.timeline = timeline;
        this.bound = bound;
    }

    /** Holds the entries; starts writing what is held once the bound is reached. */
    void add(List<TimelineEntry> entries) {
        held.addAll(entries);
        if (held.size() >= bound) {
            try {
                startWriting();
            } catch (MongoException e) {
                // The failed write's entries are held again, for the flush to write or fail on.
            }
        }
    }

    /** Whether any entry is held or being written. */
    boolean unwritten() {
        return !held.isEmpty() || underWay != null;
    }

    /** Drops the held entries of the customers the test accepts (those being written are written). */
    void forget(Predicate<String> customerIds) {
        held.removeIf(entry -> customerIds.test(entry.customerId()));
    }

    /** Hands what is held to a write of its own, once the one under way is acknowledged. */
    void startWriting() {
        await();
        if (!held.isEmpty()) {
            inFlight = new ArrayList<>(held);
            underWay = timeline.startWriting(inFlight);
            held.clear();
        }
    }

    /** Waits for the write under way; if it failed, its entries are held again and the failure thrown. */
    void await() {
        if (underWay == null) {
            return;
        }
        TimelineDocuments.Write write = underWay;
        underWay = null;
        try {
            write.await();
        } catch (RuntimeException e) {
            held.addAll(0, inFlight);
            throw e;
        } finally {
            inFlight = List.of();
        }
    }
}
