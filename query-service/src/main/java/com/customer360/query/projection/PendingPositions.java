package com.customer360.query.projection;

import com.customer360.query.customer.CustomerDetailsDocuments;
import com.customer360.query.customer.CustomerFold;
import com.customer360.query.store.GuardedWrites;
import com.customer360.query.store.StoredDocuments;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps short the positions a customer document holds of its orders ahead of their documents ({@code pending}, see
 * {@code CustomerDetails}). A write lists every order it changed, and the list would stay as long as the batch was
 * until the customer's next change — thousands of entries after a burst, read and rewritten with the document each
 * time. So once the order documents of a write are acknowledged, the customer documents that hold more than {@link
 * #KEPT_AT_MOST} entries get one more write, in one bulk write for the batch, keeping only the entries of orders whose
 * documents may still lag.
 *
 * <p>Each of these writes is guarded by the version the batch left the document at (the version it wrote, or the
 * one it read when it had nothing to write): a document another writer changed meanwhile is left as that writer wrote
 * it, positions of orders whose documents that writer has yet to write included. It does not bump the version: it
 * changes nothing a reader sees (live followers of the customer get no change for it), and a writer that read the
 * document before it and writes after only puts entries back. Forgetting an entry whose order document holds its
 * position changes no figure, and a crash before, during or after this write leaves the list merely longer than it
 * need be until the customer's next write. So "at most 64" holds after every batch that got through, not after a
 * crash, nor for a customer whose documents were refused or held.
 */
final class PendingPositions {

    /** How many entries a customer document keeps without a write of its own to forget the caught-up ones. */
    static final int KEPT_AT_MOST = 64;

    private static final Logger log = LoggerFactory.getLogger(PendingPositions.class);
    private static final BulkWriteOptions ALL_WRITES = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> customers;

    PendingPositions(MongoCollection<Document> customers) {
        this.customers = customers;
    }

    /** A customer document as it was written, with the entries it can do without once its orders' writes are in. */
    private record Trim(String customerId, long version, List<Document> kept) {}

    /**
     * After the live path's order writes: the customers of the batch whose documents are written (or were, by the
     * batch's earlier delivery) with more than the bound.
     */
    void forgetWritten(Collection<CustomerFold.Folded> written, BatchFailures failures) {
        List<Trim> trims = new ArrayList<>();
        for (CustomerFold.Folded customer : written) {
            if (failures.isFailedWhole(customer.customerId)) {
                continue;
            }
            int stored = customer.customerChanged ? customer.customer.pending().size() : customer.pendingStored;
            if (stored <= KEPT_AT_MOST) {
                continue;
            }
            List<Document> kept = customer.pendingOnceOrdersWritten();
            if (kept.size() < stored) {
                long version = customer.customerChanged
                        ? StoredDocuments.nextVersion(customer.customerVersion)
                        : customer.customerVersion;
                trims.add(new Trim(customer.customerId, version, kept));
            }
        }
        write(trims);
    }

    /** After a rebuild's flush: its customer writes, once the order writes beside them are acknowledged. */
    void forgetFlushed(List<GuardedWrites.Write> customerWrites, List<GuardedWrites.Write> orderWrites) {
        Map<String, Long> written = new HashMap<>();
        orderWrites.forEach(write -> written.put(write.id(), write.document().getLong("seq")));
        List<Trim> trims = new ArrayList<>();
        for (GuardedWrites.Write write : customerWrites) {
            Map<String, Long> pending = CustomerDetailsDocuments.pendingOf(write.document());
            if (pending.size() > KEPT_AT_MOST) {
                List<Document> kept = CustomerDetailsDocuments.pendingEntries(pending, written);
                if (kept.size() < pending.size()) {
                    trims.add(new Trim(write.id(), write.document().getLong(StoredDocuments.VERSION), kept));
                }
            }
        }
        write(trims);
    }

    private void write(List<Trim> trims) {
        if (trims.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> models = new ArrayList<>(trims.size());
        for (Trim trim : trims) {
            models.add(new UpdateOneModel<>(
                    // A plain {_id, version} filter, which mongo-java-server serves from the (_id, version) index.
                    new Document("_id", trim.customerId()).append(StoredDocuments.VERSION, trim.version()),
                    new Document("$set", new Document(CustomerDetailsDocuments.PENDING, trim.kept()))));
        }
        try {
            customers.bulkWrite(models, ALL_WRITES);
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            // The entries stay, longer than they need be, until the customer's next write: nothing is wrong.
            log.warn(
                    "{} of {} customer documents kept their caught-up pending positions: error {}",
                    e.getWriteErrors().size(),
                    trims.size(),
                    e.getWriteErrors().get(0).getCode());
        }
    }
}
