package com.customer360.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * A unique index kept in an MVStore map whose keys are ordered by {@link IndexKeyOrder} (see
 * {@link IndexKeyDataType}); it maps each normalised key to the document's position in the collection's data map.
 *
 * <p>It plays the part of mongo-java-server's {@code H2UniqueIndex}, whose constructor is package-private, and
 * stores entries the same way (a {@code null} position as {@link Missing}); all the index logic (normalising keys,
 * sparse indexes, duplicate checks, {@code $in}) is {@link AbstractUniqueIndex}'s. It also counts the documents
 * whose keys fall outside {@link OrderedValues}, so that {@link IndexPlanner} can answer ranges and sorts from it
 * (the map is ascending in every column, whatever the declared directions).
 */
final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> implements OrderedIndex {

    private final MVMap<KeyValue, Object> map;
    private final IndexStatistics statistics;

    OrderedUniqueIndex(
            MVMap<KeyValue, Object> map, IndexStatistics statistics, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.statistics = statistics;
    }

    @Override
    public List<String> columns() {
        return keys();
    }

    @Override
    public IndexEntryOrder order() {
        return IndexEntryOrder.ASCENDING;
    }

    @Override
    public MVMap<KeyValue, Object> entries() {
        return map;
    }

    @Override
    public boolean multikey() {
        return statistics.multikey();
    }

    @Override
    public boolean ordered() {
        return statistics.ordered();
    }

    @Override
    public boolean sparse() {
        return isSparse();
    }

    @Override
    public String name() {
        return getName();
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        super.add(document, position, collection);
        statistics.added(kindOf(document));
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = super.remove(document);
        if (position != null) {
            statistics.removed(kindOf(document));
        }
        return position;
    }

    @Override
    public synchronized void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        if (nullAwareEqualsKeys(oldDocument, newDocument)) {
            // the keys are the same, so super keeps the entries; but [1] and 1 have the same keys
            statistics.removed(kindOf(oldDocument));
            statistics.added(kindOf(newDocument));
        }
        super.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(keyValue);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    private OrderedValues.Kind kindOf(Document document) {
        return OrderedValues.kindOf(document, keys());
    }
}
