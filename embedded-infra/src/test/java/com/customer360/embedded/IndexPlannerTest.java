package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.MVMap;
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
    void shouldLookUpTheFirstValueOfAnAllAndLeaveTheOthersToTheMatcher() {
        FakeIndex tokens = new FakeIndex(List.of("searchTokens"), new boolean[] {false}, false, true);

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

    private static IndexPlan plan(FakeIndex index, Document filter, Document sort, int limit) {
        return IndexPlanner.plan(List.of(index), QueryBranches.of(filter), SortOrder.of(sort), limit);
    }

    private static Document doc(String key, Object value) {
        return new Document(key, value);
    }

    private record FakeIndex(List<String> columns, boolean[] descending, boolean ordered, boolean multikey)
            implements OrderedIndex {
        @Override
        public IndexEntryOrder order() {
            return new IndexEntryOrder(descending);
        }

        @Override
        public MVMap<KeyValue, Object> entries() {
            throw new UnsupportedOperationException();
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
