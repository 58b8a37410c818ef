package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Opens, clears and removes the store maps of an index: its entries (under the name mongo-java-server's
 * {@code H2Database} gives an index map, so that its {@code drop} finds them) and its {@link IndexStatistics}.
 *
 * <p>Why clearing: an index is built when it is added to a collection and its map is empty. A map that is not
 * empty although the collection has no such index was left by a build that was interrupted (the process died
 * before the index was recorded), and would otherwise be taken for complete.
 */
final class IndexMaps {

    private IndexMaps() {}

    static OrderedUniqueIndex unique(
            MVStore store, String mapName, String indexName, List<IndexKey> keys, boolean sparse, boolean isNew) {
        return new OrderedUniqueIndex(
                entries(store, mapName, IndexEntryOrder.ASCENDING, isNew),
                statistics(store, mapName, isNew),
                indexName,
                keys,
                sparse);
    }

    static SecondaryIndex secondary(
            MVStore store, String mapName, String indexName, List<IndexKey> keys, boolean sparse, boolean isNew) {
        return new SecondaryIndex(
                entries(store, mapName, SecondaryIndex.orderOf(keys), isNew),
                statistics(store, mapName, isNew),
                indexName,
                keys,
                sparse);
    }

    /** Removes the statistics map; the entries map is removed by {@code H2Database}. */
    static void removeStatistics(MVStore store, String mapName) {
        String statistics = IndexStatistics.mapName(mapName);
        if (store.hasMap(statistics)) {
            store.removeMap(statistics);
        }
    }

    private static MVMap<KeyValue, Object> entries(
            MVStore store, String mapName, IndexEntryOrder order, boolean isNew) {
        MVMap<KeyValue, Object> map =
                store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyDataType(order)));
        if (isNew) {
            map.clear();
        }
        return map;
    }

    private static IndexStatistics statistics(MVStore store, String mapName, boolean isNew) {
        IndexStatistics statistics = new IndexStatistics(store.openMap(IndexStatistics.mapName(mapName)));
        if (isNew) {
            statistics.clear();
        }
        return statistics;
    }
}
