package com.customer360.query.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;

/**
 * Writes a batch of documents to one collection in one unordered bulk write, each guarded by the version it was read
 * at: a new document is inserted, an existing one replaced only where its version is still the one loaded (an upsert,
 * so a stale version surfaces as a duplicate key on {@code _id} for exactly that document).
 *
 * <p>It tells three kinds of failure apart, because they call for different answers. A document another writer
 * changed meanwhile is a <em>conflict</em>: reload and fold again. A document the store will not take — larger than
 * its limit, a value it refuses — is <em>refused</em>, with the reason: that is the document's own problem, and its
 * customer is held while everyone else goes on. Anything else (the store unreachable, a write concern not met, a
 * primary stepping down) is thrown: the whole batch is retried until the store is back.
 *
 * <p>Each document is encoded once, to check its size against the limit before the driver would throw for the whole
 * batch, and the encoded bytes are what is sent.
 */
public final class GuardedWrites {

    /** Error codes MongoDB uses for passing conditions (elections, shutdowns, network, timeouts, write conflicts). */
    private static final Set<Integer> TRANSIENT =
            Set.of(6, 7, 50, 64, 89, 91, 112, 117, 134, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436);

    private static final ReplaceOptions GUARDED_REPLACE = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions ALL_WRITES = new BulkWriteOptions().ordered(false);

    private final MongoCollection<RawBsonDocument> collection;
    private final Codec<Document> codec;
    private final long maxDocumentBytes;

    public GuardedWrites(MongoCollection<Document> collection, long maxDocumentBytes) {
        this.collection = collection.withDocumentClass(RawBsonDocument.class);
        this.codec = collection.getCodecRegistry().get(Document.class);
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /**
     * One document to write.
     *
     * @param storedVersion the version it was loaded at, {@code null} for a document that was not stored
     */
    public record Write(String id, Document document, Long storedVersion) {}

    /**
     * @param conflicts the ids of the documents another writer changed since they were loaded; nothing was written
     * @param refused the ids of the documents the store will not take, with why; nothing was written
     */
    public record Outcome(Set<String> conflicts, Map<String, String> refused) {

        static final Outcome NONE = new Outcome(Set.of(), Map.of());
    }

    /** Writes them all and returns once the writes are acknowledged. */
    public Outcome write(List<Write> writes) {
        if (writes.isEmpty()) {
            return Outcome.NONE;
        }
        Map<String, String> refused = new HashMap<>();
        List<WriteModel<RawBsonDocument>> models = new ArrayList<>(writes.size());
        List<String> ids = new ArrayList<>(writes.size());
        for (Write write : writes) {
            RawBsonDocument raw = new RawBsonDocument(write.document(), codec);
            int size = raw.getByteBuffer().remaining();
            if (size > maxDocumentBytes) {
                refused.put(
                        write.id(),
                        collection.getNamespace().getCollectionName() + " document " + write.id() + " would be " + size
                                + " bytes, above the store's limit of " + maxDocumentBytes + " bytes");
                continue;
            }
            ids.add(write.id());
            models.add(
                    write.storedVersion() == null
                            ? new InsertOneModel<>(raw)
                            : new ReplaceOneModel<>(
                                    // A plain {_id, version} filter, not Filters.and(): that renders as $and, which
                                    // mongo-java-server cannot serve from the (_id, version) index.
                                    new Document("_id", write.id())
                                            .append(StoredDocuments.VERSION, write.storedVersion()),
                                    raw,
                                    GUARDED_REPLACE));
        }
        Set<String> conflicts = new LinkedHashSet<>();
        if (!models.isEmpty()) {
            try {
                collection.bulkWrite(models, ALL_WRITES);
            } catch (MongoBulkWriteException e) {
                sort(e, ids, conflicts, refused);
            }
        }
        return new Outcome(conflicts, refused);
    }

    private void sort(MongoBulkWriteException e, List<String> ids, Set<String> conflicts, Map<String, String> refused) {
        if (e.getWriteConcernError() != null) {
            throw e;
        }
        for (BulkWriteError error : e.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                conflicts.add(ids.get(error.getIndex()));
            } else if (TRANSIENT.contains(error.getCode())
                    || ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.EXECUTION_TIMEOUT) {
                throw e;
            } else {
                String id = ids.get(error.getIndex());
                refused.put(
                        id,
                        "the store refused " + collection.getNamespace().getCollectionName() + " document " + id
                                + ": error " + error.getCode() + ", " + error.getMessage());
            }
        }
    }
}
