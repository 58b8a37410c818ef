package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs an {@link IndexPlan}: walks its ranges and hands the collection the candidate documents in the order a scan
 * would produce the matches, so that mongo-java-server's own filter, sort, skip, limit and projection then give
 * the same result as a scan.
 *
 * <p>Why each step: a scan filters the collection in natural order (the data map's key order) and sorts the matches
 * stably. Without a sort from the index, the candidates are put in natural order; with one, the walk stops once
 * the page is full, and matches that tie under the sort are put in natural order before the next one. Every match
 * is compared with its predecessor under the query's sort, and should the index order ever disagree, the answer
 * is abandoned for a scan.
 */
final class IndexedQuery {

    /** The documents of the collection, as the query needs them. */
    interface Source {
        Document document(Object position);

        Comparator<Object> naturalOrder();

        /** Whether a document matches {@code query}, as a scan would decide it. */
        Predicate<Document> matcher(Document query);
    }

    /** Candidate documents in scan order, and how many of the matches among them are still to be skipped. */
    record Answer(Stream<Document> documents, int skip) {}

    private IndexedQuery() {}

    /** The candidates of {@code plan}, or {@code null} if the index order turned out not to be the sort order. */
    static Answer find(Source source, IndexPlan plan, Document query, Document orderBy, int skip, int limit) {
        IndexWalk walk = new IndexWalk(plan.index(), plan.ranges(), plan.reverse());
        if (!plan.sorted()) {
            TreeSet<Object> positions = new TreeSet<>(source.naturalOrder());
            positions.addAll(walk.remainingPositions());
            return new Answer(positions.stream().map(source::document).filter(Objects::nonNull), skip);
        }
        int toSkip = skip;
        if (plan.exact() && plan.endsWithId()) {
            while (toSkip > 0 && walk.next()) {
                toSkip--; // exact, and no ties: the skipped entries are matches in their final order
            }
        }
        long wanted = limit > 0 ? (long) toSkip + limit : Long.MAX_VALUE;
        DocumentComparator comparator = new DocumentComparator(orderBy);
        Predicate<Document> matches = source.matcher(query);
        List<Document> ordered = new ArrayList<>();
        List<DocumentWithPosition<Object>> ties = new ArrayList<>();
        while (walk.next()) {
            Document document = source.document(walk.position());
            if (document == null || !matches.test(document)) {
                continue;
            }
            if (!ties.isEmpty()) {
                int cmp = comparator.compare(ties.get(0).getDocument(), document);
                if (cmp > 0) {
                    return null;
                }
                if (cmp < 0) {
                    flush(ties, ordered, source);
                    if (ordered.size() >= wanted) {
                        break;
                    }
                }
            }
            ties.add(new DocumentWithPosition<>(document, walk.position()));
        }
        flush(ties, ordered, source);
        return new Answer(ordered.stream(), toSkip);
    }

    /**
     * The number of entries in {@code plan}'s ranges, which is the number of matches if the plan is exact. One range
     * is counted from the positions of its ends in the B-tree, which keeps the size of every subtree, in O(log n).
     */
    static long count(IndexPlan plan) {
        if (plan.ranges().size() == 1) {
            IndexPlan.Range range = plan.ranges().get(0);
            return plan.index().entriesBetween(range.start(), range.end());
        }
        IndexWalk walk = new IndexWalk(plan.index(), plan.ranges(), false);
        long count = 0;
        while (walk.next()) {
            count++;
        }
        return count;
    }

    private static void flush(List<DocumentWithPosition<Object>> ties, List<Document> ordered, Source source) {
        if (ties.size() > 1) {
            Comparator<Object> natural = source.naturalOrder();
            ties.sort((a, b) -> natural.compare(a.getPosition(), b.getPosition()));
        }
        for (DocumentWithPosition<Object> tie : ties) {
            ordered.add(tie.getDocument());
        }
        ties.clear();
    }
}
