package com.customer360.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A query's sort as mongo-java-server's {@code DocumentComparator} reads it: each path ascending if its number is
 * positive, otherwise descending.
 *
 * <p>Why a class: the planner must read the sort exactly as the scan will apply it, and refuse what the scan reads
 * differently ({@code $natural}, a non-numeric direction such as {@code {$meta: ...}}).
 */
record SortOrder(List<Key> keys) {

    record Key(String path, boolean ascending) {}

    static final SortOrder NONE = new SortOrder(List.of());

    /** The sort {@code orderBy} asks for, or {@code null} if it is left to the scan. */
    static SortOrder of(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return NONE;
        }
        List<Key> keys = new ArrayList<>();
        for (Map.Entry<String, Object> entry : orderBy.entrySet()) {
            if (entry.getKey().startsWith("$") || !(entry.getValue() instanceof Number direction)) {
                return null;
            }
            keys.add(new Key(entry.getKey(), direction.intValue() > 0));
        }
        return new SortOrder(List.copyOf(keys));
    }

    boolean isNone() {
        return keys.isEmpty();
    }
}
