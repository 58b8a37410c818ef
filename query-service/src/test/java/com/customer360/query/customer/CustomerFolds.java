package com.customer360.query.customer;

import com.customer360.events.Money;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.order.OrderDetails;
import com.customer360.query.order.OrderDetailsDocuments;
import com.customer360.query.order.OrderStanding;
import com.customer360.query.store.StoredDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Folds events with the real {@link CustomerFold} into documents kept in memory as the store keeps them (BSON, with
 * versions), customer documents written before order documents as the projector writes them. The rule tests fold
 * through it; the exactly-once tests also stop it between the two writes.
 */
final class CustomerFolds {

    private static final Instant WRITTEN = Instant.parse("2026-06-10T00:00:00Z");

    private CustomerFolds() {}

    /** The first event's customer's document after all the events, folded as one batch. */
    static CustomerDetails fold(EventEnvelope... events) {
        return fold(List.of(events));
    }

    static CustomerDetails fold(List<EventEnvelope> events) {
        Store store = new Store();
        store.project(events);
        return store.customer(events.get(0).event().customerId());
    }

    /** The customer's figures in one currency. */
    static CurrencySummary summary(CustomerDetails customer, String currency) {
        return CurrencySummary.of(customer.figures.get(currency));
    }

    static List<CurrencySummary> summaries(CustomerDetails customer) {
        return customer.figures.values().stream().map(CurrencySummary::of).toList();
    }

    /** The figures of one currency, as the tests compare them. */
    record CurrencySummary(
            String currency,
            long orderCount,
            java.math.BigDecimal lifetimeValue,
            java.math.BigDecimal averageOrderValue,
            java.math.BigDecimal refundedTotal) {

        static CurrencySummary of(CurrencyFigures figures) {
            return new CurrencySummary(
                    figures.currency,
                    figures.counted,
                    Money.exact(figures.lifetimeValue, figures.currency),
                    figures.averageOrderValue(),
                    Money.exact(figures.refundedTotal, figures.currency));
        }
    }

    /** Customer and order documents in memory, in the store's own form. */
    static final class Store implements RankingSource {

        final Map<String, Document> customers = new HashMap<>();
        final Map<String, Document> orders = new HashMap<>();
        private final CustomerDetailsDocuments customerDocuments = new CustomerDetailsDocuments();
        private final OrderDetailsDocuments orderDocuments = new OrderDetailsDocuments();
        private final CustomerFold fold = new CustomerFold(customerDocuments, orderDocuments);

        /** Folds the events as one batch per customer and writes both kinds of document. */
        List<CustomerFold.Folded> project(List<EventEnvelope> events) {
            return project(events, true, true);
        }

        /**
         * @param writeOrders {@code false} to stop as a crash after the customer documents were written would
         */
        List<CustomerFold.Folded> project(List<EventEnvelope> events, boolean stopAtFirstFailure, boolean writeOrders) {
            Map<String, List<CustomerFold.Event>> byCustomer = new java.util.LinkedHashMap<>();
            for (int i = 0; i < events.size(); i++) {
                byCustomer
                        .computeIfAbsent(events.get(i).event().customerId(), id -> new ArrayList<>())
                        .add(new CustomerFold.Event(i, events.get(i)));
            }
            List<CustomerFold.Folded> results = new ArrayList<>();
            for (Map.Entry<String, List<CustomerFold.Event>> customer : byCustomer.entrySet()) {
                CustomerFold.Folded folded = fold.fold(
                        customer.getKey(),
                        customers.get(customer.getKey()),
                        Map.copyOf(orders),
                        customer.getValue(),
                        stopAtFirstFailure,
                        this);
                results.add(folded);
                if (folded.customerChanged) {
                    customers.put(
                            customer.getKey(),
                            customerDocuments.toBson(folded.customer, next(folded.customerVersion), WRITTEN));
                }
                if (writeOrders) {
                    for (String orderId : folded.changedOrders) {
                        orders.put(
                                orderId,
                                orderDocuments.toBson(
                                        folded.orders.get(orderId), next(folded.orderVersions.get(orderId)), WRITTEN));
                    }
                }
            }
            return results;
        }

        /**
         * Once the order documents of a projection are written: the customer documents forget the positions of the
         * orders it wrote, as the projector does for documents that hold many (without its bound, so every batch may).
         */
        void forgetCaughtUp(List<CustomerFold.Folded> written) {
            for (CustomerFold.Folded folded : written) {
                Document stored = customers.get(folded.customerId);
                if (stored != null) {
                    stored.put(CustomerDetailsDocuments.PENDING, folded.pendingOnceOrdersWritten());
                }
            }
        }

        CustomerDetails customer(String customerId) {
            Document stored = customers.get(customerId);
            return stored == null ? null : customerDocuments.fromBson(stored);
        }

        OrderDetails order(String orderId) {
            Document stored = orders.get(orderId);
            return stored == null ? null : orderDocuments.fromBson(stored);
        }

        OrderStanding standing(String orderId) {
            return order(orderId).standing();
        }

        /** Every document without its write bookkeeping, to compare two stores by what readers see. */
        Map<String, Document> content() {
            Map<String, Document> content = new java.util.TreeMap<>();
            customers.forEach((id, document) -> content.put("customer/" + id, withoutBookkeeping(document)));
            orders.forEach((id, document) -> content.put("order/" + id, withoutBookkeeping(document)));
            return content;
        }

        private static Document withoutBookkeeping(Document document) {
            Document copy = new Document(document);
            copy.remove(StoredDocuments.VERSION);
            copy.remove(StoredDocuments.UPDATED_AT);
            copy.remove("pending");
            // How many entries a ranking holds depends on when it was last refilled; what it gives does not.
            copy.remove("rankings");
            return copy;
        }

        @Override
        public List<OrderStanding> first(String customerId, RankedOrders.Kind kind, int limit) {
            Comparator<OrderStanding> byPlaced =
                    Comparator.comparing(OrderStanding::placedAt).thenComparing(OrderStanding::orderId);
            Comparator<OrderStanding> order =
                    switch (kind) {
                        case LATEST_PLACED -> byPlaced.reversed();
                        case EARLIEST_PLACED -> byPlaced;
                        case LONGEST_IN_TRANSIT ->
                            Comparator.comparing(OrderStanding::inTransitSince).thenComparing(OrderStanding::orderId);
                    };
            return orders.values().stream()
                    .filter(stored -> customerId.equals(stored.getString("customerId")))
                    .map(OrderDetailsDocuments::standingOf)
                    .filter(standing -> kind == RankedOrders.Kind.LONGEST_IN_TRANSIT
                            ? standing.inTransitSince() != null
                            : standing.counted())
                    .sorted(order)
                    .limit(limit)
                    .toList();
        }

        private static long next(Long version) {
            return version == null ? 1 : version + 1;
        }
    }
}
