package com.customer360.query.projection;

import static com.mongodb.client.model.Filters.in;

import com.customer360.events.order.OrderEvent;
import com.customer360.query.customer.CustomerFold;
import com.customer360.query.order.OrderDetails;
import com.customer360.query.order.OrderDetailsDocuments;
import com.customer360.query.store.ConcurrentWritesException;
import com.customer360.query.store.GuardedWrites;
import com.customer360.query.store.StoredDocuments;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The {@link Projector}'s last document write of a batch: the changed order documents of the customers whose
 * documents went in, with the guarded writes' conflicts reloaded and refolded until they settle; and the batch's
 * reads by {@code _id $in} and document versions, which the customer side shares.
 */
final class OrderWriter {

    private final MongoCollection<Document> orderCollection;
    private final OrderDetailsDocuments orderDocuments;
    private final GuardedWrites orderWrites;
    private final CustomerFold fold;
    private final Clock clock;
    private final int maxAttempts;

    OrderWriter(
            MongoCollection<Document> orderCollection,
            OrderDetailsDocuments orderDocuments,
            GuardedWrites orderWrites,
            CustomerFold fold,
            Clock clock,
            int maxAttempts) {
        this.orderCollection = orderCollection;
        this.orderDocuments = orderDocuments;
        this.orderWrites = orderWrites;
        this.fold = fold;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Writes the changed order documents of the customers whose documents went in, reloading and refolding those
     * another writer changed meanwhile (the customer documents already hold these events, so only the orders move).
     */
    void write(
            Map<String, CustomerFold.Folded> written,
            Map<String, List<CustomerFold.Event>> byCustomer,
            BatchFailures failures) {
        Map<String, String> customerOf = new HashMap<>();
        Map<String, OrderDetails> toWrite = new LinkedHashMap<>();
        Map<String, Long> versions = new HashMap<>();
        for (CustomerFold.Folded customer : written.values()) {
            if (failures.isFailedWhole(customer.customerId)) {
                continue;
            }
            for (String orderId : customer.changedOrders) {
                customerOf.put(orderId, customer.customerId);
                toWrite.put(orderId, customer.orders.get(orderId));
                versions.put(orderId, customer.orderVersions.get(orderId));
            }
        }
        for (int attempt = 1; !toWrite.isEmpty(); attempt++) {
            Instant now = clock.instant();
            List<GuardedWrites.Write> writes = new ArrayList<>();
            toWrite.forEach((orderId, order) -> {
                try {
                    Long version = versions.get(orderId);
                    writes.add(new GuardedWrites.Write(
                            orderId, orderDocuments.toBson(order, StoredDocuments.nextVersion(version), now), version));
                } catch (RuntimeException e) {
                    failures.failWhole(customerOf.get(orderId), unmappable(OrderDetailsDocuments.COLLECTION, e));
                }
            });
            GuardedWrites.Outcome outcome = orderWrites.write(writes);
            outcome.refused().forEach((orderId, reason) -> failures.failWhole(customerOf.get(orderId), reason));
            if (!outcome.conflicts().isEmpty() && attempt >= maxAttempts) {
                throw new ConcurrentWritesException(OrderDetailsDocuments.COLLECTION, outcome.conflicts(), attempt);
            }
            toWrite = refoldOrders(outcome.conflicts(), customerOf, written, byCustomer, versions);
        }
    }

    /**
     * Folds the batch's events of each order into the document another writer stored meanwhile — only the events the
     * customer's fold applied: one it left alone (after a failure of the customer) or that failed stays out of the
     * order document as it stays out of the customer document, to be applied to both when it comes again.
     */
    private Map<String, OrderDetails> refoldOrders(
            Set<String> orderIds,
            Map<String, String> customerOf,
            Map<String, CustomerFold.Folded> written,
            Map<String, List<CustomerFold.Event>> byCustomer,
            Map<String, Long> versions) {
        Map<String, OrderDetails> refolded = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return refolded;
        }
        Map<String, Document> stored = load(orderCollection, orderIds);
        for (String orderId : orderIds) {
            Document document = stored.get(orderId);
            OrderDetails order = document == null ? new OrderDetails(orderId) : orderDocuments.fromBson(document);
            versions.put(orderId, document == null ? null : document.getLong(StoredDocuments.VERSION));
            boolean applied = false;
            CustomerFold.Folded customer = written.get(customerOf.get(orderId));
            for (CustomerFold.Event event : byCustomer.get(customer.customerId)) {
                if (event.envelope().event() instanceof OrderEvent orderEvent
                        && orderEvent.orderId().equals(orderId)
                        && !customer.failures.containsKey(event.index())
                        && !customer.notApplied.contains(event.index())) {
                    applied |= fold.refoldOrder(order, event.envelope());
                }
            }
            if (applied) {
                refolded.put(orderId, order);
            }
        }
        return refolded;
    }

    static String unmappable(String collection, RuntimeException e) {
        return "a " + collection + " document could not be stored: "
                + e.getClass().getName();
    }

    static Map<String, Document> load(MongoCollection<Document> collection, Collection<String> ids) {
        Map<String, Document> stored = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document document : collection.find(in("_id", ids))) {
                stored.put(document.getString("_id"), document);
            }
        }
        return stored;
    }
}
