package com.customer360.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index in an MVStore map: one entry per document and distinct key (several for an array), keyed by
 * the normalised key values followed by the normalised {@code _id}, so that entries are unique and a document's
 * entries can be found again to remove them; the value is the document's position in the collection's data map.
 *
 * <p>Why: mongo-java-server ignores non-unique indexes ({@code EmptyIndex}), so every query that is not an exact
 * match on a unique index scans the collection. This index is maintained on every insert, update, replace and
 * delete like the unique ones, and {@link IndexPlanner} answers queries from it. Its map is ordered by the declared
 * directions (see {@link IndexEntryOrder}), so a descending key is walked newest first.
 */
final class SecondaryIndex extends Index<Object> implements OrderedIndex {

    private static final String ID = "_id";

    private final MVMap<KeyValue, Object> map;
    private final IndexStatistics statistics;
    private final List<String> columns;

    SecondaryIndex(
            MVMap<KeyValue, Object> map, IndexStatistics statistics, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.statistics = statistics;
        List<String> paths = new ArrayList<>(keys());
        if (!paths.contains(ID)) {
            paths.add(ID);
        }
        this.columns = List.copyOf(paths);
    }

    /** The order of a map holding an index with these keys: the declared directions, then {@code _id} ascending. */
    static IndexEntryOrder orderOf(List<IndexKey> keys) {
        boolean[] descending = new boolean[keys.size()];
        for (int i = 0; i < descending.length; i++) {
            descending[i] = !keys.get(i).isAscending();
        }
        return new IndexEntryOrder(descending);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public IndexEntryOrder order() {
        return orderOf(getKeys());
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
    public synchronized Object getPosition(Document document) {
        if (isSkipped(document)) {
            return null;
        }
        for (KeyValue key : entryKeys(document)) {
            Object position = map.get(key);
            if (position != null) {
                return position;
            }
        }
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        getKeyValues(document); // refuses parallel arrays, as MongoDB does
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (isSkipped(document)) {
            return;
        }
        Object stored = Missing.ofNullable(position);
        for (KeyValue key : entryKeys(document)) {
            map.put(key, stored);
        }
        statistics.added(kindOf(document));
    }

    @Override
    public synchronized Object remove(Document document) {
        if (isSkipped(document)) {
            return null;
        }
        Object position = null;
        for (KeyValue key : entryKeys(document)) {
            Object removed = map.remove(key);
            if (removed != null) {
                position = removed;
            }
        }
        if (position != null) {
            statistics.removed(kindOf(document));
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // queries reach this index through IndexPlanner
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("answered by IndexPlanner");
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        getKeyValues(newDocument);
    }

    @Override
    public synchronized void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        if (isSkipped(oldDocument) == isSkipped(newDocument)
                && nullAwareEqualsKeys(oldDocument, newDocument)
                && kindOf(oldDocument) == kindOf(newDocument)) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public void drop() {
        // the map goes with CommittingH2Backend's dropIndex
    }

    private List<KeyValue> entryKeys(Document document) {
        Set<KeyValue> keyValues = getKeyValues(document);
        if (keyValues.isEmpty()) {
            // an empty array yields no key; the document still needs an entry so that it can be removed again
            keyValues = Set.of(new KeyValue(Collections.nCopies(getKeys().size(), null)));
        }
        Object id = new KeyValue(document.get(ID)).normalized().get(0);
        List<KeyValue> keys = new ArrayList<>(keyValues.size());
        for (KeyValue keyValue : keyValues) {
            List<Object> elements = new ArrayList<>(keyValue.size() + 1);
            keyValue.forEach(elements::add);
            elements.add(id);
            keys.add(new KeyValue(elements));
        }
        return keys;
    }

    private OrderedValues.Kind kindOf(Document document) {
        return OrderedValues.kindOf(document, columns);
    }

    private boolean isSkipped(Document document) {
        return isSparse()
                && keys().stream()
                        .allMatch(key -> Utils.getSubdocumentValueCollectionAware(document, key) instanceof Missing);
    }
}
