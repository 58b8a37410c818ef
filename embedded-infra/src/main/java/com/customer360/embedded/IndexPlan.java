package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;

/**
 * How {@link IndexedQuery} answers a query from one index: the ranges of entries to walk (between search keys, see
 * {@link SearchBound}), and what the walk promises.
 *
 * @param sorted walking the ranges in map order (or its reverse) yields the matches in the query's sort order, but
 *     for ties, which the walk puts in natural order itself
 * @param reverse walk from the high end
 * @param exact the entries in the ranges are exactly the matches, one per document, so they can be counted or
 *     skipped without reading the documents
 * @param endsWithId the sort's last key taken from the index is {@code _id}, so there are no ties
 */
record IndexPlan(
        OrderedIndex index,
        List<Range> ranges,
        boolean sorted,
        boolean reverse,
        boolean exact,
        boolean endsWithId,
        int boundColumns) {

    /** The entries from {@code start} to {@code end} in map order. */
    record Range(KeyValue start, KeyValue end) {}
}
