package com.customer360.query.projection;

import com.customer360.events.order.OrderEvent;
import com.customer360.query.customer.CustomerDetailsDocuments;
import com.customer360.query.customer.CustomerFold;
import com.customer360.query.store.GuardedWrites;
import com.customer360.query.store.StoredDocuments;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * The customer and order documents a {@link BulkProjector} holds between two flushes: each document as last folded,
 * the version the store held of it when it was read back (none for a document the store does not have, which is then
 * inserted), which of them changed, and which orders belong to which customer.
 */
final class HeldDocuments {

    private final Map<String, Document> customers = new HashMap<>();
    private final Map<String, Document> orders = new HashMap<>();
    private final Map<String, Long> customerStoredVersions = new HashMap<>();
    private final Map<String, Long> orderStoredVersions = new HashMap<>();
    private final Set<String> changedCustomers = new LinkedHashSet<>();
    private final Set<String> changedOrders = new LinkedHashSet<>();
    private final Map<String, Set<String>> ordersOfCustomer = new HashMap<>();

    int size() {
        return customers.size() + orders.size();
    }

    boolean anyChanged() {
        return !changedCustomers.isEmpty() || !changedOrders.isEmpty();
    }

    Document customer(String customerId) {
        return customers.get(customerId);
    }

    /** Every order held, by id: what the fold reads and changes in place of the store. */
    Map<String, Document> orders() {
        return orders;
    }

    /** The orders of the customer held in memory (changed or read back). */
    Set<String> ordersOf(String customerId) {
        return ordersOfCustomer.getOrDefault(customerId, Set.of());
    }

    void changedCustomer(String customerId, Document customer) {
        customers.put(customerId, customer);
        changedCustomers.add(customerId);
    }

    void changedOrder(String customerId, String orderId, Document order) {
        orders.put(orderId, order);
        changedOrders.add(orderId);
        ordersOfCustomer
                .computeIfAbsent(customerId, id -> new LinkedHashSet<>())
                .add(orderId);
    }

    /** Drops, unwritten, the documents of the customers the test accepts and of their orders. */
    void forget(Predicate<String> customerIds) {
        customers.keySet().removeIf(customerIds);
        customerStoredVersions.keySet().removeIf(customerIds);
        changedCustomers.removeIf(customerIds);
        ordersOfCustomer.entrySet().removeIf(entry -> {
            if (!customerIds.test(entry.getKey())) {
                return false;
            }
            entry.getValue().forEach(orderId -> {
                orders.remove(orderId);
                orderStoredVersions.remove(orderId);
                changedOrders.remove(orderId);
            });
            return true;
        });
    }

    /**
     * Reads back from the store the documents a slice needs that are not held: its customers, the orders its events
     * name and the orders its customers still hold a position of ({@code pending}).
     */
    void readMissing(
            MongoCollection<Document> customerCollection,
            MongoCollection<Document> orderCollection,
            Map<String, List<CustomerFold.Event>> byCustomer) {
        Set<String> customerIds = new LinkedHashSet<>();
        for (String customerId : byCustomer.keySet()) {
            if (!customers.containsKey(customerId)) {
                customerIds.add(customerId);
            }
        }
        for (Document stored : VersionCollections.find(customerCollection, customerIds)) {
            String id = stored.getString("_id");
            customers.put(id, stored);
            customerStoredVersions.put(id, stored.getLong(StoredDocuments.VERSION));
        }
        Set<String> orderIds = new LinkedHashSet<>();
        for (Map.Entry<String, List<CustomerFold.Event>> entry : byCustomer.entrySet()) {
            entry.getValue().forEach(event -> {
                if (event.envelope().event() instanceof OrderEvent order && !orders.containsKey(order.orderId())) {
                    orderIds.add(order.orderId());
                }
            });
            Document customer = customers.get(entry.getKey());
            if (customer != null) {
                customer.getList(CustomerDetailsDocuments.PENDING, Document.class, List.of())
                        .forEach(pending -> {
                            if (!orders.containsKey(pending.getString("orderId"))) {
                                orderIds.add(pending.getString("orderId"));
                            }
                        });
            }
        }
        for (Document stored : VersionCollections.find(orderCollection, orderIds)) {
            String id = stored.getString("_id");
            orders.put(id, stored);
            orderStoredVersions.put(id, stored.getLong(StoredDocuments.VERSION));
            ordersOfCustomer
                    .computeIfAbsent(stored.getString("customerId"), customer -> new LinkedHashSet<>())
                    .add(id);
        }
    }

    /** The writes of the changed customers, each recording the position of its orders changed since the last flush. */
    List<GuardedWrites.Write> customerWrites() {
        List<GuardedWrites.Write> writes = new ArrayList<>(changedCustomers.size());
        for (String customerId : changedCustomers) {
            Document customer = customers.get(customerId);
            holdAhead(customer, ordersOf(customerId));
            writes.add(new GuardedWrites.Write(customerId, customer, customerStoredVersions.get(customerId)));
        }
        return writes;
    }

    /** The writes of the changed orders, those changed without their customer document changing (a repeat) included. */
    List<GuardedWrites.Write> orderWrites() {
        List<GuardedWrites.Write> writes = new ArrayList<>(changedOrders.size());
        for (String orderId : changedOrders) {
            writes.add(new GuardedWrites.Write(orderId, orders.get(orderId), orderStoredVersions.get(orderId)));
        }
        return writes;
    }

    void clear() {
        customers.clear();
        orders.clear();
        customerStoredVersions.clear();
        orderStoredVersions.clear();
        changedCustomers.clear();
        changedOrders.clear();
        ordersOfCustomer.clear();
    }

    private void holdAhead(Document customer, Set<String> orderIds) {
        Map<String, Long> pending = CustomerDetailsDocuments.pendingOf(customer);
        for (String orderId : orderIds) {
            if (changedOrders.contains(orderId)) {
                pending.merge(orderId, orders.get(orderId).getLong("seq"), Math::max);
            }
        }
        customer.put(CustomerDetailsDocuments.PENDING, CustomerDetailsDocuments.pendingEntries(pending, Map.of()));
    }
}
