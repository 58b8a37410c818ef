package com.customer360.embedded;

import com.customer360.embedded.QueryBranches.Branch;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Chooses the index that answers a query, as MongoDB would: equality on a prefix of the index's columns, then
 * optionally a range on the next one, per branch of the filter (see {@link QueryBranches}); a sort that follows the
 * index order or its exact reverse once the columns every branch fixes to one value are left out; and, with a limit,
 * a walk of the whole index in sort order.
 *
 * <p>Why these rules: they are the ones under which the index ranges provably hold every match (see
 * {@link OrderedValues} for the values; a range over numbers is widened to its closed ends, because the matcher
 * compares a {@code Decimal128} exactly while the index holds its nearest {@code double}) and the index order is
 * the sort order. Anything else gets no plan and is scanned. Sparse indexes, which leave out documents, are not used;
 * a range, a sort, or a {@code null} equality needs an index whose documents hold only ordered values. An index that
 * holds arrays (multikey) therefore answers only equalities ({@code $eq}, {@code $in}, one value of {@code $all}):
 * an entry per element holds every document with a matching element, a document found through several entries is
 * fetched once, and the matcher decides the rest.
 *
 * <p>Which plan, when several indexes can answer: the one expected to read the fewest documents, as MongoDB's trial
 * runs would find (see {@link PlanChoice}). The number of entries in a plan's ranges is counted from the B-tree in
 * O(log n) per range, so the estimate is cheap and exact for entries; for {@code $all} the rarest of its values is
 * looked up. A search for a phone number ({@code searchTokens $all [...]} sorted by name) thus reads the few hundred
 * customers holding its rarest piece instead of walking every customer in name order.
 */
final class IndexPlanner {

    private static final int MAX_RANGES = 1_000;
    private static final String ID = "_id";

    private IndexPlanner() {}

    /** The best plan over {@code indexes}, or {@code null} if none is better than a scan. */
    static IndexPlan plan(
            List<? extends OrderedIndex> indexes, List<Branch> branches, SortOrder sort, int skip, int limit) {
        List<IndexPlan> plans = indexes.stream()
                .map(index -> plan(index, branches, sort, limit))
                .filter(Objects::nonNull)
                .toList();
        return plans.isEmpty() ? null : PlanChoice.cheapest(plans, skip, limit);
    }

    private static IndexPlan plan(OrderedIndex index, List<Branch> branches, SortOrder sort, int limit) {
        if (index.sparse()) {
            return null;
        }
        List<String> columns = index.columns();
        boolean ordered = index.ordered() && !index.multikey();
        List<IndexPlan.Range> ranges = new ArrayList<>();
        boolean exact = ordered;
        boolean unbounded = false;
        int bound = Integer.MAX_VALUE;
        for (Branch branch : branches) {
            BranchRanges branchRanges = BranchRanges.of(index, columns, ordered, branch);
            if (branchRanges == null) {
                return null;
            }
            exact &= branchRanges.exact();
            bound = Math.min(bound, branchRanges.boundColumns());
            unbounded |= branchRanges.boundColumns() == 0;
            ranges.addAll(branchRanges.ranges());
            if (ranges.size() > MAX_RANGES) {
                return null;
            }
        }
        Boolean reverse = ordered ? sortDirection(index, branches, sort) : null;
        boolean sorted = reverse != null;
        if (unbounded) {
            if (!sorted || limit <= 0) {
                return null;
            }
            ranges = List.of(new IndexPlan.Range(new KeyValue(SearchBound.LOWEST), new KeyValue(SearchBound.HIGHEST)));
            bound = 0;
        }
        return new IndexPlan(
                index,
                List.copyOf(ranges),
                sorted,
                sorted && reverse,
                exact,
                sorted && endsWithId(index, branches, sort),
                bound);
    }

    /**
     * {@code false} to walk forward, {@code true} to walk backward, or {@code null} if walking the index does not
     * yield the sort order. Columns that every branch fixes to the same value are constant among the matches and are
     * left out of both the columns and the sort.
     */
    private static Boolean sortDirection(OrderedIndex index, List<Branch> branches, SortOrder sort) {
        List<String> columns = index.columns();
        List<SortOrder.Key> keys = sort.keys().stream()
                .filter(key -> !isConstant(key.path(), index, branches))
                .toList();
        if (keys.isEmpty()) {
            return null;
        }
        Boolean reverse = null;
        int k = 0;
        for (int column = 0; column < columns.size() && k < keys.size(); column++) {
            String path = columns.get(column);
            if (isConstant(path, index, branches)) {
                continue;
            }
            SortOrder.Key key = keys.get(k);
            if (!key.path().equals(path)) {
                return null;
            }
            boolean backward = key.ascending() == index.order().descending(column);
            if (reverse != null && reverse != backward) {
                return null;
            }
            reverse = backward;
            k++;
            if (path.equals(ID)) {
                return reverse; // _id is unique: later sort keys never decide anything
            }
        }
        return k == keys.size() ? reverse : null;
    }

    private static boolean endsWithId(OrderedIndex index, List<Branch> branches, SortOrder sort) {
        List<SortOrder.Key> keys = sort.keys().stream()
                .filter(key -> !isConstant(key.path(), index, branches))
                .toList();
        int id = keys.stream().map(SortOrder.Key::path).toList().indexOf(ID);
        return id >= 0 && index.columns().contains(ID);
    }

    /**
     * Whether every branch requires {@code path} to equal the same single value, so that it is the same among all the
     * matches. Only for a column of this index that holds no arrays: a document whose array holds the value matches
     * too, and sorts by its array's smallest or largest element, which differ from one match to the next.
     */
    private static boolean isConstant(String path, OrderedIndex index, List<Branch> branches) {
        if (!index.ordered() || index.multikey() || !index.columns().contains(path)) {
            return false;
        }
        Object value = null;
        for (int i = 0; i < branches.size(); i++) {
            FieldCondition condition = branches.get(i).conditions().get(path);
            if (condition == null || !condition.isSingleValue()) {
                return false;
            }
            Object candidate = condition.equals().get(0);
            if (i == 0) {
                value = candidate;
            } else if (IndexKeyOrder.compareValues(value, candidate) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The ranges one branch needs in one index. */
    private record BranchRanges(List<IndexPlan.Range> ranges, int boundColumns, boolean exact) {

        static BranchRanges of(OrderedIndex index, List<String> columns, boolean ordered, Branch branch) {
            Map<String, FieldCondition> conditions = branch.conditions();
            List<List<Object>> prefix = new ArrayList<>();
            boolean multiple = false;
            int column = 0;
            for (; column < columns.size(); column++) {
                FieldCondition condition = conditions.get(columns.get(column));
                if (condition == null || !condition.isEquality() || condition.holdsNull() && !ordered) {
                    break;
                }
                if (!condition.isSingleValue()) {
                    if (multiple) {
                        break;
                    }
                    multiple = true;
                }
                if (condition.allOf() != null && !multiple) {
                    prefix.add(List.of(rarest(index, prefix, condition.allOf())));
                } else {
                    prefix.add(condition.equals());
                }
            }
            FieldCondition range = null;
            if (ordered && column < columns.size()) {
                FieldCondition condition = conditions.get(columns.get(column));
                if (condition != null && condition.isRange()) {
                    range = condition;
                }
            }
            int bound = prefix.size() + (range != null ? 1 : 0);
            boolean exact =
                    branch.complete() && conditions.size() == bound && (range == null || !range.isNumericRange());
            if (bound == 0) {
                return new BranchRanges(List.of(), 0, exact);
            }
            List<IndexPlan.Range> ranges = new ArrayList<>();
            for (List<Object> values : product(prefix)) {
                ranges.add(range(index.order(), values, range));
                if (ranges.size() > MAX_RANGES) {
                    return null;
                }
            }
            return new BranchRanges(ranges, bound, exact);
        }

        /** The value of an {@code $all} with the fewest entries after a prefix of single values. */
        private static Object rarest(OrderedIndex index, List<List<Object>> prefix, List<Object> values) {
            Object rarest = values.get(0);
            long fewest = Long.MAX_VALUE;
            for (Object value : values) {
                List<Object> key = new ArrayList<>(prefix.size() + 1);
                prefix.forEach(single -> key.add(single.get(0)));
                key.add(value);
                IndexPlan.Range range = range(index.order(), key, null);
                long entries = index.entriesBetween(range.start(), range.end());
                if (entries < fewest) {
                    rarest = value;
                    fewest = entries;
                }
            }
            return rarest;
        }

        private static IndexPlan.Range range(IndexEntryOrder order, List<Object> values, FieldCondition range) {
            List<Object> start = new ArrayList<>(values);
            List<Object> end = new ArrayList<>(values);
            SearchBound low;
            SearchBound high;
            int column;
            if (range == null) {
                column = values.size() - 1;
                Object last = values.get(column);
                start.remove(column);
                end.remove(column);
                low = SearchBound.below(last);
                high = SearchBound.above(last);
            } else {
                column = values.size();
                boolean numeric = range.isNumericRange();
                Object any = range.low() != null ? range.low() : range.high();
                IndexKeyOrder.Rank rank = IndexKeyOrder.Rank.of(any);
                low = range.low() == null
                        ? SearchBound.belowEvery(rank)
                        : range.lowInclusive() || numeric
                                ? SearchBound.below(range.low())
                                : SearchBound.above(range.low());
                high = range.high() == null
                        ? SearchBound.aboveEvery(rank)
                        : range.highInclusive() || numeric
                                ? SearchBound.above(range.high())
                                : SearchBound.below(range.high());
            }
            boolean descending = order.descending(column);
            start.add(descending ? high : low);
            end.add(descending ? low : high);
            return new IndexPlan.Range(new KeyValue(start), new KeyValue(end));
        }

        private static List<List<Object>> product(List<List<Object>> prefix) {
            List<List<Object>> product = List.of(List.of());
            for (List<Object> values : prefix) {
                List<List<Object>> next = new ArrayList<>();
                for (List<Object> head : product) {
                    for (Object value : values) {
                        List<Object> combined = new ArrayList<>(head);
                        combined.add(value);
                        next.add(combined);
                    }
                }
                product = next;
            }
            return product;
        }
    }
}
