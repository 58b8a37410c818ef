package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * MVStore key type of the index maps: reads and writes keys exactly as MVStore's default {@link ObjectDataType}
 * does (a {@link KeyValue} is stored Java-serialised), but orders them with {@link IndexEntryOrder}.
 *
 * <p>Why: {@code KeyValue} is not {@link Comparable}, so the default type serialises both keys on every
 * comparison of every B-tree search, and each insert, replace and key lookup makes dozens of them; that was about
 * a third of the store's CPU under load. A B-tree built in the old order cannot be searched in the new one, which is
 * why {@link StoreFormat} refuses files written before.
 *
 * <p>Every key of an index map is a {@code KeyValue}; anything else is a programming error and fails with a
 * {@link ClassCastException} rather than being ordered inconsistently.
 */
final class IndexKeyDataType extends ObjectDataType {

    private final IndexEntryOrder order;

    IndexKeyDataType() {
        this(IndexEntryOrder.ASCENDING);
    }

    IndexKeyDataType(IndexEntryOrder order) {
        this.order = order;
    }

    @Override
    public int compare(Object a, Object b) {
        return order.compare((KeyValue) a, (KeyValue) b);
    }
}
