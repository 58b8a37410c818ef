package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.Comparator;

/**
 * The physical order of an index map's keys: {@link KeyValue}s compared element by element in {@link IndexKeyOrder},
 * each element reversed if its column is descending, with {@link SearchBound}s between the stored keys.
 *
 * <p>Why: a secondary index declared {@code (customerId, orderDate desc, _id desc)} must hold a customer's newest
 * orders first, so that a page of history is a short walk from one end of the customer's range; and a search must be
 * able to start between two stored keys. Columns past the declared directions (a secondary index's {@code _id}
 * suffix, every column of a unique index) are ascending.
 */
final class IndexEntryOrder implements Comparator<KeyValue> {

    static final IndexEntryOrder ASCENDING = new IndexEntryOrder(new boolean[0]);

    private final boolean[] descending;

    IndexEntryOrder(boolean[] descending) {
        this.descending = descending.clone();
    }

    boolean descending(int column) {
        return column < descending.length && descending[column];
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int size = Math.min(a.size(), b.size());
        for (int i = 0; i < size; i++) {
            int cmp = compareElements(a.get(i), b.get(i), descending(i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareElements(Object a, Object b, boolean descending) {
        if (a instanceof SearchBound bound) {
            if (b instanceof SearchBound) {
                if (a.equals(b)) {
                    return 0;
                }
                throw new IllegalStateException("Two search bounds compared: " + a + ", " + b);
            }
            return bound.compareTo(b, descending);
        }
        if (b instanceof SearchBound bound) {
            return -bound.compareTo(a, descending);
        }
        int cmp = IndexKeyOrder.compareValues(a, b);
        return descending ? -cmp : cmp;
    }
}
