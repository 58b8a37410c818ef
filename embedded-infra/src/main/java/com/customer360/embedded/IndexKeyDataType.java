package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * MVStore key type of the unique-index maps: reads and writes keys exactly as MVStore's default
 * {@link ObjectDataType} does (a {@link KeyValue} is stored Java-serialised), but orders them with
 * {@link IndexKeyOrder}.
 *
 * <p>Why: {@code KeyValue} is not {@link Comparable}, so the default type serialises both keys on every
 * comparison of every B-tree search, and each insert, replace and key lookup makes dozens of them; that was about
 * a third of the store's CPU under load. Only the order changes, not the bytes, but a B-tree built in the old
 * order cannot be searched in the new one, which is why {@link StoreFormat} refuses files written before.
 *
 * <p>Every key of a unique-index map is a {@code KeyValue}; anything else is a programming error and fails with
 * a {@link ClassCastException} rather than being ordered inconsistently.
 */
final class IndexKeyDataType extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        return IndexKeyOrder.INSTANCE.compare((KeyValue) a, (KeyValue) b);
    }
}
