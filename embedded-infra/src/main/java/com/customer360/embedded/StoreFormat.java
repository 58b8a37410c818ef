package com.customer360.embedded;

import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A format marker in the store file that records how its indexes are laid out, and the check that refuses a file
 * written in another layout.
 *
 * <p>Why: an index read in another layout than it was written in does not fail; it silently misses documents.
 * Files written before this project ordered unique-index keys with {@link IndexKeyOrder} have their B-trees sorted
 * by the keys' serialised bytes, so a lookup by {@code _id} would find nothing and a duplicate would be accepted.
 * Files of the next version ({@code mongo-value-order-v1}) hold Java-serialised documents and keys, which this
 * version reads as BSON (see {@link BsonValues}), and unique indexes without {@link IndexStatistics}, which
 * {@link IndexPlanner} would take for free of arrays and answer ranges from. The marker, map {@value #MAP_NAME}
 * with key {@value #KEY} → {@value #UNIQUE_INDEX_ORDER}, is written into a store that is new or holds no data; a
 * store that holds data without it (or with another value) is refused before any of its indexes is opened.
 *
 * <p>The map name has no dot on purpose: mongo-java-server's {@code dropDatabase} removes every map whose name
 * starts with the database's name and a dot, so a name like {@code customer360.store-format} would vanish when
 * a database called {@code customer360} is dropped.
 */
final class StoreFormat {

    static final String MAP_NAME = "customer360-store-format";
    static final String KEY = "unique-index-order";
    static final String UNIQUE_INDEX_ORDER = "bson-values-ordered-indexes-v3";

    private StoreFormat() {}

    /**
     * Returns {@code store} once it is marked with the current format, marking (and committing) it if it holds
     * no data. Closes it and throws if it holds data in another format.
     */
    static MVStore requireCurrent(MVStore store, Path file) {
        try {
            String found = store.hasMap(MAP_NAME)
                    ? store.<String, String>openMap(MAP_NAME).get(KEY)
                    : null;
            if (UNIQUE_INDEX_ORDER.equals(found)) {
                return store;
            }
            if (holdsData(store)) {
                throw new IllegalStateException(String.format(
                        "The document store file %s was written by an older version of Customer 360 (index"
                                + " layout %s, expected %s): its indexes are laid out differently, and lookups"
                                + " in them would silently miss documents. Delete the data directory %s (this"
                                + " discards the documents in it) and start again.",
                        file,
                        found == null ? "not recorded" : "'" + found + "'",
                        "'" + UNIQUE_INDEX_ORDER + "'",
                        file.toAbsolutePath().getParent()));
            }
            MVMap<String, String> format = store.openMap(MAP_NAME);
            format.put(KEY, UNIQUE_INDEX_ORDER);
            store.commit();
            return store;
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    private static boolean holdsData(MVStore store) {
        return store.getMapNames().stream().anyMatch(name -> !name.equals(MAP_NAME));
    }
}
