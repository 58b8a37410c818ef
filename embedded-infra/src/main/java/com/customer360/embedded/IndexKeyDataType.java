package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * MVStore key type of the index maps: a {@link KeyValue} written as a BSON document of its elements
 * {@code {"0": .., "1": ..}} (see {@link BsonValues}), ordered with {@link IndexEntryOrder}.
 *
 * <p>Why: {@code KeyValue} is not {@link Comparable}, so MVStore's default type serialises both keys on every
 * comparison of every B-tree search, and each insert, replace and key lookup makes dozens of them; that was about
 * a third of the store's CPU under load. It also Java-serialised every key it wrote, class descriptions included.
 * A B-tree built in another order or format cannot be read in this one, which is why {@link StoreFormat} refuses
 * files written before.
 */
final class IndexKeyDataType extends BasicDataType<KeyValue> {

    private final IndexEntryOrder order;

    IndexKeyDataType() {
        this(IndexEntryOrder.ASCENDING);
    }

    IndexKeyDataType(IndexEntryOrder order) {
        this.order = order;
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        return order.compare(a, b);
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object element : key) {
            memory += 8 + BsonValues.estimatedMemory(element);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        Document elements = new Document();
        for (int i = 0; i < key.size(); i++) {
            elements.put(Integer.toString(i), key.get(i));
        }
        BsonValues.write(buffer, elements);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Document elements = BsonValues.read(buffer);
        List<Object> values = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            values.add(elements.get(Integer.toString(i)));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
