package com.customer360.embedded;

import org.h2.mvstore.MVMap;

/**
 * How many documents of an index hold an array at one of its columns, and how many hold another value outside
 * {@link OrderedValues} (a document, a {@code NaN}, a huge number ...), kept in the store beside the index map so
 * that they are known after a restart.
 *
 * <p>Why: the planner uses no index that holds an array (like MongoDB's multikey flag, but it goes back to zero when
 * the last such document goes; the matcher's rules for arrays, arrays of arrays through dotted paths among them, are
 * not the index's), and answers only equalities from an index that holds unordered values. Both are decided per
 * document on every write.
 */
final class IndexStatistics {

    private static final String ARRAYS = "documents-with-arrays";
    private static final String UNORDERED = "documents-with-unordered-values";

    private final MVMap<String, Long> map;

    IndexStatistics(MVMap<String, Long> map) {
        this.map = map;
    }

    static String mapName(String indexMapName) {
        return indexMapName + "._stats";
    }

    boolean multikey() {
        return count(ARRAYS) > 0;
    }

    boolean ordered() {
        return count(ARRAYS) == 0 && count(UNORDERED) == 0;
    }

    void added(OrderedValues.Kind kind) {
        change(kind, 1);
    }

    void removed(OrderedValues.Kind kind) {
        change(kind, -1);
    }

    void clear() {
        map.clear();
    }

    private long count(String key) {
        return map.getOrDefault(key, 0L);
    }

    private void change(OrderedValues.Kind kind, long delta) {
        String key =
                switch (kind) {
                    case ORDERED -> null;
                    case UNORDERED -> UNORDERED;
                    case ARRAY -> ARRAYS;
                };
        if (key == null) {
            return;
        }
        synchronized (map) {
            long count = count(key) + delta;
            if (count < 0) {
                throw new IllegalStateException("Negative count of " + key + " in " + map.getName());
            }
            map.put(key, count);
        }
    }
}
