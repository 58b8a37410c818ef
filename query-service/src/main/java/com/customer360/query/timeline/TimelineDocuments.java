package com.customer360.query.timeline;

import static com.customer360.query.store.BsonValues.time;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.bson.Document;

/**
 * The timeline in {@code customer_timeline}, one document per event under the event's id: writing an event that is
 * already there (a redelivery, a replay, a batch retried after a crash) changes nothing.
 */
public final class TimelineDocuments {

    public static final String COLLECTION = "customer_timeline";

    public static final List<IndexModel> INDEXES = List.of(new IndexModel(Indexes.compoundIndex(
            Indexes.ascending("customerId"), Indexes.descending("at"), Indexes.descending("_id"))));

    private final MongoCollection<Document> collection;
    private volatile boolean indexed;

    public TimelineDocuments(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /**
     * Timeline documents whose writes leave the collection's indexes to the caller, who creates {@link #INDEXES}
     * once the documents are in (a rebuild's catch-up: building an index over the documents at the end costs less
     * than keeping it up to date with every slice).
     */
    public static TimelineDocuments indexedByCaller(MongoCollection<Document> collection) {
        TimelineDocuments timeline = new TimelineDocuments(collection);
        timeline.indexed = true;
        return timeline;
    }

    /** Starts {@link #write}ing the entries on a thread of its own, so another collection can be written meanwhile. */
    public Write startWriting(List<TimelineEntry> entries) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            write(entries);
            return null;
        });
        Thread writer = new Thread(task, "timeline-write");
        writer.setDaemon(true);
        writer.start();
        return new Write(task);
    }

    /** A write under way on its own thread. */
    public static final class Write {
        private final FutureTask<Void> task;

        private Write(FutureTask<Void> task) {
            this.task = task;
        }

        /** Returns once the entries are acknowledged, or throws what the write threw. */
        public void await() {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the timeline was written", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Inserts the entries that are not there yet; returns once the writes are acknowledged. */
    public void write(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (!indexed) {
            collection.createIndexes(INDEXES);
            indexed = true;
        }
        List<WriteModel<Document>> inserts = new ArrayList<>(entries.size());
        entries.forEach(entry -> inserts.add(new InsertOneModel<>(toBson(entry))));
        try {
            collection.bulkWrite(inserts, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    static Document toBson(TimelineEntry entry) {
        return new Document("_id", entry.eventId())
                .append("customerId", entry.customerId())
                .append("at", time(entry.at()))
                .append("type", entry.type())
                .append("orderId", entry.orderId())
                .append("amount", entry.amount())
                .append("currency", entry.currency())
                .append("description", entry.description());
    }

    static TimelineEntry fromBson(Document stored) {
        return new TimelineEntry(
                stored.getString("_id"),
                stored.getString("customerId"),
                time(stored.get("at")),
                stored.getString("type"),
                stored.getString("orderId"),
                stored.getString("amount"),
                stored.getString("currency"),
                stored.getString("description"));
    }

    /** The entries of the events a projection applied (or had applied before). */
    public static List<TimelineEntry> entriesOf(List<com.customer360.events.cloudevents.EventEnvelope> events) {
        return events.stream().map(TimelineEntry::of).toList();
    }
}
