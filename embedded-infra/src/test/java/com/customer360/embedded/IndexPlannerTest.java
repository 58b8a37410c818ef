package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/** Which query shapes {@link IndexPlanner} answers from an index, and which it leaves to the scan. */
class IndexPlannerTest {

    private static final Instant DATE = Instant.parse("2026-06-01T00:00:00Z");
    private static final FakeIndex HISTORY =
            new FakeIndex(List.of("customerId", "orderDate", "_id"), new boolean[] {false, true, true}, true, false);

    @Test
    void shouldAnswerAnEqualityPrefixAndARangeOnTheNextKeyExactly() {
        IndexPlan plan = plan(HISTORY, doc("customerId", "c").append("orderDate", doc("$lt", DATE)), null, 0);

        assertThat(plan.boundColumns()).isEqualTo(2);
        assertThat(plan.exact()).isTrue();
        assertThat(plan.sorted()).isFalse();
    }

    @Test
    void shouldAnswerAKeysetPageAsOneSortedWalkOfTwoRanges() {
        Document keyset = doc("customerId", "c")
                .append(
                        "$or",
                        List.of(
                                doc("orderDate", doc("$lt", DATE)),
                                doc("orderDate", DATE).append("_id", doc("$lt", "o-9"))));

        IndexPlan plan = plan(HISTORY, keyset, doc("orderDate", -1).append("_id", -1), 20);

        assertThat(plan.ranges()).hasSize(2);
        assertThat(plan.sorted()).isTrue();
        assertThat(plan.reverse()).isFalse();
        assertThat(plan.exact()).isTrue();
        assertThat(plan.endsWithId()).isTrue();
    }

    @Test
    void shouldWalkBackwardForTheReverseSortAndNotForAMixedOne() {
        Document filter = doc("customerId", "c");

        assertThat(plan(HISTORY, filter, doc("orderDate", 1).append("_id", 1), 5)
                        .reverse())
                .isTrue();
        assertThat(plan(HISTORY, filter, doc("orderDate", 1).append("_id", -1), 5)
                        .sorted())
                .isFalse();
        assertThat(plan(HISTORY, filter, doc("status", 1), 5).sorted()).isFalse();
    }

    @Test
    void shouldAnswerInAndNumericRangesButNotCountThemAsExactWhenNumbersAreWidened() {
        FakeIndex amounts = new FakeIndex(List.of("amount", "_id"), new boolean[0], true, false);

        assertThat(plan(HISTORY, doc("customerId", doc("$in", List.of("a", "b", "c"))), null, 0)
                        .ranges())
                .hasSize(3);
        IndexPlan range = plan(amounts, doc("amount", doc("$gt", 5)), doc("amount", 1), 10);
        assertThat(range.sorted()).isTrue();
        assertThat(range.exact()).isFalse();
    }

    @Test
    void shouldWalkAWholeIndexInSortOrderOnlyForALimitedQuery() {
        FakeIndex names = new FakeIndex(List.of("name", "_id"), new boolean[0], true, false);

        assertThat(plan(names, new Document(), doc("name", 1), 20).boundColumns())
                .isZero();
        assertThat(plan(names, new Document(), doc("name", 1), 0)).isNull();
        assertThat(plan(names, new Document(), null, 20)).isNull();
    }

    @Test
    void cannotUseAnIndexWhoseLeadingKeyIsUnconstrained() {
        assertThat(plan(HISTORY, doc("orderDate", doc("$lt", DATE)), null, 0)).isNull();
    }

    @Test
    void cannotAnswerRangesOrSortsFromAnIndexWithUnorderedValuesOrArrays() {
        FakeIndex unordered = new FakeIndex(HISTORY.columns(), new boolean[] {false, true, true}, false, false);
        FakeIndex multikey = new FakeIndex(HISTORY.columns(), new boolean[] {false, true, true}, false, true);
        Document filter = doc("customerId", "c").append("orderDate", doc("$lt", DATE));

        IndexPlan equalityOnly = plan(unordered, filter, doc("orderDate", -1), 10);
        assertThat(equalityOnly.boundColumns()).isEqualTo(1);
        assertThat(equalityOnly.sorted()).isFalse();
        assertThat(equalityOnly.exact()).isFalse();
        IndexPlan multikeyEquality = plan(multikey, filter, doc("orderDate", -1), 10);
        assertThat(multikeyEquality.boundColumns()).isEqualTo(1);
        assertThat(multikeyEquality.sorted()).isFalse();
        assertThat(multikeyEquality.exact()).isFalse();
        assertThat(plan(multikey, doc("customerId", doc("$gte", "c")), null, 0)).isNull();
        assertThat(plan(multikey, new Document(), doc("customerId", 1), 10)).isNull();
    }

    @Test
    void shouldLookUpOneValueOfAnAllAndLeaveTheOthersToTheMatcher() {
        FakeIndex tokens = FakeIndex.holding(List.of("searchTokens"), false, true);

        IndexPlan plan = plan(tokens, doc("searchTokens", doc("$all", List.of("lov", "ove", "vel"))), null, 0);

        assertThat(plan.boundColumns()).isEqualTo(1);
        assertThat(plan.ranges()).hasSize(1);
        assertThat(plan.exact()).isFalse();
        assertThat(QueryBranches.of(doc("searchTokens", doc("$all", List.of("lov", "ove")))))
                .singleElement()
                .satisfies(branch -> assertThat(branch.complete()).isFalse());
        assertThat(QueryBranches.of(doc("searchTokens", doc("$all", List.of("lov")))))
                .singleElement()
                .satisfies(branch -> assertThat(branch.complete()).isTrue());
        assertThat(plan(tokens, doc("searchTokens", doc("$all", List.of(List.of("lov")))), null, 0))
                .isNull();
    }

    @Test
    void cannotPlanOperatorsTheMatcherMightFailOn() {
        assertThat(QueryBranches.of(doc("customerId", "c").append("orderDate", doc("$type", "date"))))
                .isNull();
        assertThat(QueryBranches.of(doc("$where", "true"))).isNull();
        assertThat(QueryBranches.of(doc("customerId", "c").append("status", doc("$ne", "X"))))
                .singleElement()
                .satisfies(branch -> assertThat(branch.complete()).isFalse());
    }

    @Test
    void shouldLookUpTheRarestValueOfAnAll() {
        FakeIndex tokens = FakeIndex.holding(List.of("searchTokens"), false, true);
        tokens.add(500, 0, "lov");
        tokens.add(500, 0, "ove");
        tokens.add(3, 0, "vel");

        IndexPlan plan = plan(tokens, doc("searchTokens", doc("$all", List.of("lov", "ove", "vel"))), null, 0);

        assertThat(plan.ranges()).singleElement();
        assertThat(IndexedQuery.count(plan)).isEqualTo(3);
    }

    @Test
    void shouldReadTheFewCandidatesOfARareValueRatherThanWalkEveryDocumentInSortOrder() {
        FakeIndex names = FakeIndex.holding(List.of("registered", "nameKey", "_id"), true, false);
        FakeIndex tokens = FakeIndex.holding(List.of("searchTokens"), false, true);
        for (int i = 0; i < 1_000; i++) {
            names.entries().put(new KeyValue(List.of(true, "name-" + i, "c-" + i)), i);
        }
        tokens.add(1_000, 0, "lov");
        tokens.add(3, 0, "555");
        List<FakeIndex> both = List.of(names, tokens);
        Document byName = doc("nameKey", 1).append("_id", 1);

        Document rare = doc("registered", true).append("searchTokens", doc("$all", List.of("lov", "555")));
        Document common = doc("registered", true).append("searchTokens", doc("$all", List.of("lov")));

        assertThat(plan(both, rare, byName, 0, 20).index()).isSameAs(tokens);
        assertThat(plan(both, rare, null, 0, 0).index()).isSameAs(tokens);
        assertThat(plan(both, common, byName, 0, 20).index()).isSameAs(names);
    }

    @Test
    void cannotTakeAnEqualityOnAFieldThatMayHoldArraysAsAConstantOfTheSort() {
        // {tags: "t3"} also matches ["t3", "t4"], which sorts by "t4" descending: walking _id is not the sort order.
        FakeIndex ids = FakeIndex.holding(List.of("_id"), true, false);
        FakeIndex tokens = FakeIndex.holding(List.of("tags"), false, true);
        for (int i = 0; i < 100; i++) {
            ids.entries().put(new KeyValue(List.of("c-" + i)), i);
        }
        tokens.add(90, 0, "t3");

        IndexPlan plan =
                plan(List.of(ids, tokens), doc("tags", "t3"), doc("tags", -1).append("_id", 1), 0, 2);

        assertThat(plan.index()).isSameAs(tokens);
        assertThat(plan.sorted()).isFalse();
    }

    @Test
    void shouldCostAPlanByTheDocumentsItReads() {
        IndexPlan unsorted = new IndexPlan(HISTORY, List.of(), false, false, false, false, 1);
        IndexPlan sorted = new IndexPlan(HISTORY, List.of(), true, false, false, false, 1);
        IndexPlan exact = new IndexPlan(HISTORY, List.of(), true, false, true, true, 1);

        assertThat(PlanChoice.cost(unsorted, 800, 800, 20)).isEqualTo(800);
        assertThat(PlanChoice.cost(sorted, 100_000, 800, 20)).isEqualTo(2_500);
        assertThat(PlanChoice.cost(sorted, 100_000, 5_000, 20)).isEqualTo(400);
        assertThat(PlanChoice.cost(sorted, 100_000, 5_000, 0)).isEqualTo(100_000);
        assertThat(PlanChoice.cost(exact, 100_000, 100_000, 20)).isEqualTo(20);
    }

    private static IndexPlan plan(FakeIndex index, Document filter, Document sort, int limit) {
        return plan(List.of(index), filter, sort, 0, limit);
    }

    private static IndexPlan plan(List<FakeIndex> indexes, Document filter, Document sort, int skip, int limit) {
        return IndexPlanner.plan(indexes, QueryBranches.of(filter), SortOrder.of(sort), skip, limit);
    }

    private static Document doc(String key, Object value) {
        return new Document(key, value);
    }

    /** An index of the planner's view, holding entries in an in-memory map when a test needs them counted. */
    private record FakeIndex(
            List<String> columns, boolean[] descending, boolean ordered, boolean multikey, MVMap<KeyValue, Object> map)
            implements OrderedIndex {

        FakeIndex(List<String> columns, boolean[] descending, boolean ordered, boolean multikey) {
            this(columns, descending, ordered, multikey, null);
        }

        static FakeIndex holding(List<String> columns, boolean ordered, boolean multikey) {
            IndexEntryOrder order = new IndexEntryOrder(new boolean[columns.size()]);
            MVMap<KeyValue, Object> map = MVStore.open(null)
                    .openMap("index", new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyDataType(order)));
            return new FakeIndex(columns, new boolean[columns.size()], ordered, multikey, map);
        }

        /** Entries of {@code documents} documents, numbered from {@code first}, that hold {@code value}. */
        void add(int documents, int first, String value) {
            for (int i = first; i < first + documents; i++) {
                map.put(new KeyValue(List.of(value, "c-" + i)), i);
            }
        }

        @Override
        public IndexEntryOrder order() {
            return new IndexEntryOrder(descending);
        }

        @Override
        public MVMap<KeyValue, Object> entries() {
            if (map == null) {
                throw new UnsupportedOperationException("this index holds no entries");
            }
            return map;
        }

        @Override
        public boolean sparse() {
            return false;
        }

        @Override
        public String name() {
            return String.join("_", columns);
        }
    }
}
