package com.customer360.query.store;

import static com.mongodb.client.model.Filters.in;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.fold.FoldOutcome;
import com.customer360.query.fold.Projection;
import com.customer360.query.fold.StoredTime;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Projects a batch of events into one collection in two round trips: one {@code _id $in} query for every document
 * the batch touches, and one unordered bulk write of the documents that changed. A document's events are folded in
 * record order; documents are independent, so grouping by document keeps the outcome of folding in record order.
 *
 * <p>Writes are optimistic: a new document is inserted, an existing one is replaced only where its version is still
 * the one loaded (an upsert, so a stale version surfaces as a duplicate key on {@code _id} for exactly that
 * document). Those documents are reloaded and their events folded again, which the per-document sequence guards make
 * safe, a bounded number of times.
 *
 * @param <D> the document type
 */
public final class BulkProjection<D> {

    private static final ReplaceOptions GUARDED_REPLACE = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions ALL_WRITES = new BulkWriteOptions().ordered(false);

    private final ReadModel<D> readModel;
    private final Projection<D> projection;
    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final int maxAttempts;
    private volatile boolean indexed;

    public BulkProjection(ReadModel<D> readModel, MongoCollection<Document> collection, Clock clock, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.readModel = readModel;
        this.projection = readModel.projection();
        this.collection = collection;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /** Folds the events (in record order) and writes what changed; returns once the writes are acknowledged. */
    public BatchResult project(List<EventEnvelope> events) {
        ensureIndexes();
        Map<String, List<EventEnvelope>> eventsByDocument = groupByDocument(events);
        Map<String, List<Skipped>> skippedByDocument = new HashMap<>();
        Collection<String> pending = eventsByDocument.keySet();
        int written = 0;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Map<String, Document> stored = load(pending);
            Writes writes = new Writes(StoredTime.of(clock.instant()));
            for (String id : pending) {
                fold(id, stored.get(id), eventsByDocument.get(id), writes, skippedByDocument);
            }
            Set<String> conflicts = write(writes);
            written += writes.size() - conflicts.size();
            if (!conflicts.isEmpty() && attempt >= maxAttempts) {
                throw new ConcurrentWritesException(readModel.collection(), conflicts, attempt);
            }
            pending = conflicts;
        }
        List<Skipped> skipped = new ArrayList<>();
        skippedByDocument.values().forEach(skipped::addAll);
        return new BatchResult(readModel.collection(), written, skipped);
    }

    /**
     * Declares the read model's indexes before the first write, so they exist however long the store was down at
     * startup; creating an index that exists is a no-op. The unique {@code (_id, version)} index changes nothing for
     * MongoDB, which finds a document by {@code _id} anyway, but it is what lets mongo-java-server serve the guarded
     * replace by index lookup instead of scanning the collection once per written document.
     */
    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        List<IndexModel> indexes = new ArrayList<>(readModel.indexes());
        indexes.add(new IndexModel(Indexes.ascending("_id", ReadModel.VERSION), new IndexOptions().unique(true)));
        collection.createIndexes(indexes);
        indexed = true;
    }

    private Map<String, List<EventEnvelope>> groupByDocument(List<EventEnvelope> events) {
        Map<String, List<EventEnvelope>> byDocument = new LinkedHashMap<>();
        for (EventEnvelope envelope : events) {
            String id = projection.documentIdOf(envelope.event());
            if (id != null) {
                byDocument.computeIfAbsent(id, key -> new ArrayList<>()).add(envelope);
            }
        }
        return byDocument;
    }

    private Map<String, Document> load(Collection<String> ids) {
        Map<String, Document> stored = new HashMap<>();
        for (Document document : collection.find(in("_id", ids))) {
            stored.put(document.getString("_id"), document);
        }
        return stored;
    }

    private void fold(
            String id,
            Document stored,
            List<EventEnvelope> events,
            Writes writes,
            Map<String, List<Skipped>> skippedByDocument) {
        D document = stored == null ? projection.newDocument(id) : readModel.fromBson(stored);
        List<FoldOutcome> outcomes = projection.apply(document, events);
        skippedByDocument.put(id, skipped(id, events, outcomes));
        if (!outcomes.contains(FoldOutcome.APPLIED)) {
            return;
        }
        if (stored == null) {
            writes.add(id, new InsertOneModel<>(readModel.toBson(document, 1, writes.updatedAt)));
        } else {
            Long version = stored.getLong(ReadModel.VERSION);
            long next = (version == null ? 0 : version) + 1;
            writes.add(
                    id,
                    new ReplaceOneModel<>(
                            // A plain {_id, version} filter, not Filters.and(): that renders as $and, which
                            // mongo-java-server cannot serve from the (_id, version) index.
                            new Document("_id", id).append(ReadModel.VERSION, version),
                            readModel.toBson(document, next, writes.updatedAt),
                            GUARDED_REPLACE));
        }
    }

    private static List<Skipped> skipped(String id, List<EventEnvelope> events, List<FoldOutcome> outcomes) {
        List<Skipped> skipped = new ArrayList<>(0);
        for (int i = 0; i < events.size(); i++) {
            FoldOutcome outcome = outcomes.get(i);
            if (outcome != FoldOutcome.APPLIED && outcome != FoldOutcome.ALREADY_APPLIED) {
                skipped.add(new Skipped(id, events.get(i), outcome));
            }
        }
        return skipped;
    }

    /** Writes everything; returns the ids of the documents another writer changed since they were loaded. */
    private Set<String> write(Writes writes) {
        if (writes.size() == 0) {
            return Set.of();
        }
        try {
            collection.bulkWrite(writes.models, ALL_WRITES);
            return Set.of();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            Set<String> conflicts = new LinkedHashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                conflicts.add(writes.ids.get(error.getIndex()));
            }
            return conflicts;
        }
    }

    /** The bulk write's models and, at the same index, the id of the document each one writes. */
    private static final class Writes {
        private final Instant updatedAt;
        private final List<WriteModel<Document>> models = new ArrayList<>();
        private final List<String> ids = new ArrayList<>();

        Writes(Instant updatedAt) {
            this.updatedAt = updatedAt;
        }

        void add(String id, WriteModel<Document> model) {
            ids.add(id);
            models.add(model);
        }

        int size() {
            return models.size();
        }
    }

    /** An event the projection could not apply to a document, for the log and the metrics. */
    public record Skipped(String documentId, EventEnvelope event, FoldOutcome outcome) {}

    /** What one batch did to one collection. */
    public record BatchResult(String collection, int documentsWritten, List<Skipped> skipped) {}
}
