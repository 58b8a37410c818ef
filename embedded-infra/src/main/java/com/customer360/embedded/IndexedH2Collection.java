package com.customer360.embedded;

import com.customer360.embedded.QueryBranches.Branch;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.IndexBuildFailedException;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

/**
 * An H2 collection that answers queries from its ordered indexes where {@link IndexPlanner} finds a plan, and
 * scans otherwise, with the same result either way (same documents, same order, same count).
 *
 * <p>Why: mongo-java-server scans the collection, deserialising every document, for every query that is not an
 * exact match on all keys of a unique index; a page of one customer's order history among a million orders took
 * seconds. Finds, counts, updates, deletes, {@code findAndModify} and {@code distinct} all select documents here.
 */
final class IndexedH2Collection extends H2Collection {

    private static final String ID = "_id";

    private final MVMap<Object, Document> dataMap;
    private final IndexedQuery.Source source;

    IndexedH2Collection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.dataMap = dataMap;
        DataType<Object> keyType = dataMap.getKeyType();
        Comparator<Object> naturalOrder = keyType::compare;
        this.source = new IndexedQuery.Source() {
            @Override
            public Document document(Object position) {
                return dataMap.get(position);
            }

            @Override
            public Comparator<Object> naturalOrder() {
                return naturalOrder;
            }

            @Override
            public Predicate<Document> matcher(Document query) {
                return StringSetMatcher.of(query, whole -> document -> documentMatchesQuery(document, whole));
            }
        };
    }

    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        IndexPlan plan = plan(query, orderBy, numberToSkip, limit);
        if (plan != null) {
            IndexedQuery.Answer answer = IndexedQuery.find(source, plan, query, orderBy, numberToSkip, limit);
            if (answer != null) {
                return matchDocumentsFromStream(
                        answer.documents(), query, orderBy, answer.skip(), limit, batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * Builds a new non-unique index over the documents already there in one pass: mongo-java-server reads every
     * document twice, once to check it and once to add it, computing its keys each time (a rebuilt view's indexes are
     * created once its documents are in, so this is most of the cost of creating them). A document the index refuses
     * (parallel arrays) fails the build and leaves no entry behind, as before. Writes to the collection wait for the
     * build, so none is missed by it.
     */
    @Override
    public synchronized void addIndex(Index<Object> index) {
        boolean known =
                getIndexes().stream().anyMatch(existing -> existing.getName().equals(index.getName()));
        if (index instanceof SecondaryIndex secondary && !known && secondary.isEmpty()) {
            long[] added = {0};
            try {
                streamAllDocumentsWithPosition().forEach(stored -> {
                    secondary.add(stored.getDocument(), stored.getPosition(), this);
                    added[0]++;
                });
            } catch (MongoServerError e) {
                streamAllDocumentsWithPosition()
                        .limit(added[0])
                        .forEach(stored -> secondary.remove(stored.getDocument()));
                throw new IndexBuildFailedException(e, this);
            }
        }
        super.addIndex(index);
    }

    @Override
    public int count(Document query, int skip, int limit) {
        long count = indexedCount(query);
        if (count < 0) {
            return super.count(query, skip, limit);
        }
        count = Math.max(0, count - Math.max(skip, 0));
        return (int) (limit > 0 ? Math.min(limit, count) : count);
    }

    /** The number of documents matching {@code filter} if an index knows it exactly, otherwise -1. */
    synchronized long exactCount(Document filter) {
        if (filter == null || filter.isEmpty()) {
            return -1;
        }
        IndexPlan plan = plan(filter, null, 0, 0);
        return plan != null && plan.exact() ? IndexedQuery.count(plan) : -1;
    }

    /**
     * The number of documents matching {@code filter} from an index, otherwise -1: counted from the index alone if
     * its plan is exact, else by matching the candidates it holds (all the matches are among them), never by a scan.
     */
    private synchronized long indexedCount(Document filter) {
        if (filter == null || filter.isEmpty()) {
            return -1;
        }
        IndexPlan plan = plan(filter, null, 0, 0);
        if (plan == null) {
            return -1;
        }
        if (plan.exact()) {
            return IndexedQuery.count(plan);
        }
        return IndexedQuery.find(source, plan, filter, null, 0, 0)
                .documents()
                .filter(source.matcher(filter))
                .count();
    }

    /**
     * The documents that may match {@code filter}, in natural order (all the matches among them), if an index
     * narrows them down; otherwise {@code null}.
     */
    synchronized List<Document> candidates(Document filter) {
        IndexPlan plan = plan(filter, null, 0, 0);
        if (plan == null) {
            return null;
        }
        IndexedQuery.Answer answer = IndexedQuery.find(source, plan, filter, null, 0, 0);
        return answer.documents().toList();
    }

    /**
     * Does not keep the collection's data size: mongo-java-server would BSON-encode every document it writes only to
     * add up its size (about a tenth of the store's CPU when writing large documents). {@code collStats} and
     * {@code dbStats} compute it when asked instead.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected int getDataSize() {
        if (dataMap == null) {
            return 0; // H2Collection's constructor asks, for a debug message
        }
        long size = 0;
        for (Document document : dataMap.values()) {
            size += BsonValues.size(document);
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    /** The plan a query would be answered with, or {@code null} for a scan (for tests and diagnosis). */
    IndexPlan explain(Document query, Document orderBy, int limit) {
        return plan(query, orderBy, 0, limit);
    }

    private IndexPlan plan(Document query, Document orderBy, int skip, int limit) {
        if (query == null || !ID.equals(getIdField())) {
            return null;
        }
        SortOrder sort = SortOrder.of(orderBy);
        List<Branch> branches = sort == null ? null : QueryBranches.of(query);
        if (branches == null) {
            return null;
        }
        List<OrderedIndex> indexes = getIndexes().stream()
                .filter(OrderedIndex.class::isInstance)
                .map(OrderedIndex.class::cast)
                .toList();
        return IndexPlanner.plan(indexes, branches, sort, skip, limit);
    }
}
