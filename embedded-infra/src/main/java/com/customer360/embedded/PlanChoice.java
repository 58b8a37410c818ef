package com.customer360.embedded;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses among the plans of several indexes the one expected to read the fewest documents (see {@link #cost}); ties
 * go to the tighter plan: more bound columns, then sorted, then exact, then fewer ranges.
 *
 * <p>Why an estimate from the index itself: the number of entries in a plan's ranges is counted from the B-tree in
 * O(log n) per range end, so it is cheap and exact for entries, and each plan's entries hold every match, so the
 * smallest of them bounds the number of matches.
 */
final class PlanChoice {

    private static final Comparator<IndexPlan> TIGHTER = Comparator.comparingInt(IndexPlan::boundColumns)
            .thenComparing(IndexPlan::sorted)
            .thenComparing(IndexPlan::exact)
            .thenComparing(plan -> -plan.ranges().size());

    private PlanChoice() {}

    /** The cheapest of {@code plans} (not empty) for a query that skips {@code skip} and wants {@code limit}. */
    static IndexPlan cheapest(List<IndexPlan> plans, int skip, int limit) {
        if (plans.size() == 1) {
            return plans.get(0);
        }
        Map<IndexPlan, Long> entries = new IdentityHashMap<>();
        plans.forEach(plan -> entries.put(plan, entries(plan)));
        long matches = Math.max(
                1, entries.values().stream().mapToLong(Long::longValue).min().orElse(1));
        long wanted = limit > 0 ? Math.max(0, (long) skip) + limit : 0;
        Comparator<IndexPlan> cheaper =
                Comparator.comparingDouble(plan -> cost(plan, entries.get(plan), matches, wanted));
        return plans.stream().min(cheaper.thenComparing(TIGHTER.reversed())).orElseThrow();
    }

    /**
     * The documents a plan is expected to read: all its entries, unless it yields the sort order and the query
     * wants only {@code wanted} matches — then, if its entries are exactly the matches, those; otherwise the share of
     * its entries that holds that many matches, with the matches spread evenly and at most as many as the smallest
     * plan has entries.
     */
    static double cost(IndexPlan plan, long entries, long matches, long wanted) {
        if (!plan.sorted() || wanted <= 0) {
            return entries;
        }
        if (plan.exact()) {
            return Math.min(entries, wanted);
        }
        return Math.min(entries, (double) wanted * entries / matches);
    }

    /** The number of entries in a plan's ranges. */
    private static long entries(IndexPlan plan) {
        long entries = 0;
        for (IndexPlan.Range range : plan.ranges()) {
            entries += plan.index().entriesBetween(range.start(), range.end());
        }
        return entries;
    }
}
