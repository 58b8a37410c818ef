package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * What the query planner needs to know of an index held in an ordered map: its columns in map order, how each is
 * ordered, whether every document is in it once, and whether ranges and sorts over it match the scan's.
 *
 * <p>Why one view of both kinds: unique indexes (the {@code _id} index among them) map the key alone to the
 * document's position, secondary indexes map the key and the {@code _id} (so that their keys are unique); for the
 * planner both are ordered lists of entries whose value is the position.
 */
interface OrderedIndex {

    /** The document paths of the map key's elements, in order (a secondary index ends with {@code _id}). */
    List<String> columns();

    IndexEntryOrder order();

    MVMap<KeyValue, Object> entries();

    /** Some document holds an array at some column (see {@link IndexStatistics}). */
    boolean multikey();

    /** No document holds an array or another value outside {@link OrderedValues} at any column. */
    boolean ordered();

    boolean sparse();

    String name();

    /**
     * How many entries lie between two search keys (which are never stored) in map order, in O(log n): the B-tree
     * keeps the size of every subtree, so the position where each key would go is found in one descent.
     */
    default long entriesBetween(KeyValue start, KeyValue end) {
        return insertionPoint(entries(), end) - insertionPoint(entries(), start);
    }

    private static long insertionPoint(MVMap<KeyValue, Object> entries, KeyValue searchKey) {
        long index = entries.getKeyIndex(searchKey);
        if (index >= 0) {
            throw new IllegalStateException("A search key was found in " + entries.getName());
        }
        return -(index + 1);
    }
}
