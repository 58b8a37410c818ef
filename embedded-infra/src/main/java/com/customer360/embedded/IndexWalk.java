package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * The entries of an index plan's ranges in map order (or its reverse), each once even where ranges overlap.
 *
 * <p>Why a merge: the ranges of a keyset page ({@code orderDate = d and _id < id}, then {@code orderDate < d}) or of an
 * {@code $in} lie side by side or even overlap in the map; merging their cursors by key yields one ordered walk that
 * a page can stop after a few entries, instead of collecting every range first.
 */
final class IndexWalk {

    private final PriorityQueue<Head> heads;
    private final Comparator<KeyValue> order;
    private KeyValue currentKey;
    private Object currentPosition;

    IndexWalk(OrderedIndex index, List<IndexPlan.Range> ranges, boolean reverse) {
        Comparator<KeyValue> mapOrder = index.order();
        this.order = reverse ? mapOrder.reversed() : mapOrder;
        this.heads = new PriorityQueue<>(Math.max(1, ranges.size()), (a, b) -> order.compare(a.key, b.key));
        MVMap<KeyValue, Object> map = index.entries();
        for (IndexPlan.Range range : ranges) {
            Cursor<KeyValue, Object> cursor = reverse
                    ? map.cursor(range.end(), range.start(), true)
                    : map.cursor(range.start(), range.end(), false);
            Head head = new Head(cursor);
            if (head.advance()) {
                heads.add(head);
            }
        }
    }

    /** Moves to the next entry; {@code false} at the end. */
    boolean next() {
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            KeyValue key = head.key;
            Object value = head.value;
            if (head.advance()) {
                heads.add(head);
            }
            if (currentKey == null || order.compare(currentKey, key) != 0) {
                currentKey = key;
                currentPosition = value;
                return true;
            }
        }
        return false;
    }

    /** The position of the entry's document in the collection's data map. */
    Object position() {
        if (currentPosition == null) {
            throw new NoSuchElementException();
        }
        return currentPosition;
    }

    /** The positions of all remaining entries. */
    List<Object> remainingPositions() {
        List<Object> positions = new ArrayList<>();
        while (next()) {
            positions.add(position());
        }
        return positions;
    }

    private static final class Head {
        private final Cursor<KeyValue, Object> cursor;
        private KeyValue key;
        private Object value;

        Head(Cursor<KeyValue, Object> cursor) {
            this.cursor = cursor;
        }

        boolean advance() {
            if (!cursor.hasNext()) {
                return false;
            }
            key = cursor.next();
            value = cursor.getValue();
            return true;
        }
    }
}
