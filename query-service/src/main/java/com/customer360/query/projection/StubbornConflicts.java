package com.customer360.query.projection;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The customers whose documents were still in conflict when a batch ran out of write attempts, and for how many
 * batches in a row. A second instance writing the same customer during a rebalance settles within a batch retry or
 * two; a conflict that outlasts {@code batches} of them will not settle, and its customer is better held than the
 * whole read side retried for ever. Only the last batch's conflicts are remembered, so it stays as small as a batch.
 */
final class StubbornConflicts {

    private final int batches;
    private Map<String, Integer> inARow = new HashMap<>();

    StubbornConflicts(int batches) {
        this.batches = batches;
    }

    /**
     * Records the ids a batch could not write; returns those in conflict for {@code batches} batches in a row,
     * which is all of them or none: while one may still settle, the batch is retried as a whole.
     */
    synchronized Set<String> outlasting(Set<String> conflicts) {
        Map<String, Integer> next = new HashMap<>();
        Set<String> outlasting = new LinkedHashSet<>();
        for (String id : conflicts) {
            int batchesInARow = inARow.getOrDefault(id, 0) + 1;
            next.put(id, batchesInARow);
            if (batchesInARow >= batches) {
                outlasting.add(id);
            }
        }
        inARow = next;
        return outlasting.size() == conflicts.size() ? outlasting : Set.of();
    }
}
