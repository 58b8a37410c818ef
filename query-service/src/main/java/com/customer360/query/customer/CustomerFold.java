package com.customer360.query.customer;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerEvent;
import com.customer360.events.order.OrderEvent;
import com.customer360.query.fold.Failure;
import com.customer360.query.fold.FoldOutcome;
import com.customer360.query.fold.Sequence;
import com.customer360.query.order.OrderDetails;
import com.customer360.query.order.OrderDetailsDocuments;
import com.customer360.query.order.OrderDetailsProjection;
import com.customer360.query.order.OrderStanding;
import com.customer360.query.store.StoredDocuments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Folds one customer's events of a batch, in record order, into their customer document and the documents of their
 * orders, as loaded. Each order event is applied to its order document; its change reaches the customer document as
 * the move from the order's standing before to the one after, unless the customer document already holds that
 * position (see {@link CustomerDetails}).
 *
 * <p>An event that does not apply (a gap, an unknown order, a refund in another currency) changes nothing; an event
 * whose projection throws is folded out again from the stored documents, so that no half-applied event reaches the
 * store. With {@code stopAtFirstFailure} the customer's later events are left alone (the live listener holds them
 * behind the failure); without it every event that can be applied is (a re-drive, which relies on the sequence rule
 * to keep each aggregate in order).
 */
public final class CustomerFold {

    /** An event and its index in the projected list. */
    public record Event(int index, EventEnvelope envelope) {}

    /** What one customer's fold produced. */
    public static final class Folded {
        public final String customerId;
        public final CustomerDetails customer;
        public final Long customerVersion;
        public boolean customerChanged;
        /** How many pending positions the stored customer document holds (see {@link CustomerDetails}). */
        public int pendingStored;

        public final Map<String, OrderDetails> orders = new LinkedHashMap<>();
        public final Set<String> changedOrders = new HashSet<>();
        public final Map<String, Long> orderVersions = new HashMap<>();
        public final Map<Integer, Failure> failures = new LinkedHashMap<>();
        public final Set<Integer> notApplied = new HashSet<>();

        public Folded(String customerId, CustomerDetails customer, Long customerVersion) {
            this.customerId = customerId;
            this.customer = customer;
            this.customerVersion = customerVersion;
        }

        /**
         * The customer document's pending positions once the changed order documents of this fold are written: only
         * those the order documents do not reach (a longer batch, cut short by a crash, may have taken an order
         * further than this one does).
         */
        public List<Document> pendingOnceOrdersWritten() {
            Map<String, Long> written = new HashMap<>();
            changedOrders.forEach(
                    orderId -> written.put(orderId, orders.get(orderId).seq()));
            return CustomerDetailsDocuments.pendingEntries(customer, written);
        }
    }

    private final CustomerDetailsDocuments customerDocuments;
    private final OrderDetailsDocuments orderDocuments;
    private final CustomerDetailsProjection customers = new CustomerDetailsProjection();
    private final OrderDetailsProjection orders = new OrderDetailsProjection();

    public CustomerFold(CustomerDetailsDocuments customerDocuments, OrderDetailsDocuments orderDocuments) {
        this.customerDocuments = customerDocuments;
        this.orderDocuments = orderDocuments;
    }

    public Folded fold(
            String customerId,
            Document storedCustomer,
            Map<String, Document> storedOrders,
            List<Event> events,
            boolean stopAtFirstFailure,
            RankingSource rankings) {
        Map<Integer, Failure> thrown = new LinkedHashMap<>();
        while (true) {
            try {
                Folded folded = foldOnce(
                        customerId, storedCustomer, storedOrders, events, stopAtFirstFailure, rankings, thrown);
                folded.failures.putAll(thrown);
                return folded;
            } catch (Thrown e) {
                thrown.put(e.event.index(), Failure.thrown(e.event.envelope(), e.cause));
            }
        }
    }

    private Folded foldOnce(
            String customerId,
            Document storedCustomer,
            Map<String, Document> storedOrders,
            List<Event> events,
            boolean stopAtFirstFailure,
            RankingSource rankings,
            Map<Integer, Failure> thrown) {
        Folded folded = new Folded(
                customerId,
                storedCustomer == null ? new CustomerDetails(customerId) : customerDocuments.fromBson(storedCustomer),
                storedCustomer == null ? null : storedCustomer.getLong(StoredDocuments.VERSION));
        CustomerDetails customer = folded.customer;
        Map<String, Long> pendingBefore = customer.pending();
        folded.pendingStored = pendingBefore.size();
        customers.forgetCaughtUp(customer, orderId -> storedSeq(storedOrders, orderId));
        boolean stopped = false;
        for (Event event : events) {
            if (stopped) {
                folded.notApplied.add(event.index());
                continue;
            }
            if (thrown.containsKey(event.index())) {
                stopped = stopAtFirstFailure;
                continue;
            }
            Failure failure = apply(folded, storedOrders, event);
            if (failure != null) {
                folded.failures.put(event.index(), failure);
                stopped = stopAtFirstFailure;
            }
        }
        for (String orderId : folded.changedOrders) {
            long seq = folded.orders.get(orderId).seq();
            customers.holdsAhead(customer, orderId, Math.max(seq, customer.absorbed(orderId, Sequence.NONE)));
        }
        boolean refilled = refill(folded, storedOrders, rankings);
        customers.derive(customer);
        // Orders caught up are forgotten with the next real change: a redelivery that changes nothing writes nothing
        // here (the projector may still shorten a long list once the order documents are written).
        folded.customerChanged |= refilled
                || !pendingBefore.entrySet().containsAll(customer.pending().entrySet());
        return folded;
    }

    /** Applies one event; returns why not if it does not apply. */
    private Failure apply(Folded folded, Map<String, Document> storedOrders, Event event) {
        EventEnvelope envelope = event.envelope();
        CustomerDetails customer = folded.customer;
        try {
            if (envelope.event() instanceof CustomerEvent) {
                long before = customer.customerSeq();
                FoldOutcome outcome = customers.apply(customer, envelope);
                folded.customerChanged |= outcome == FoldOutcome.APPLIED;
                return outcome.isDone() ? null : Failure.of(outcome, envelope, before);
            }
            String orderId = ((OrderEvent) envelope.event()).orderId();
            OrderDetails order = folded.orders.computeIfAbsent(orderId, id -> load(folded, storedOrders, id));
            OrderStanding before = order.standing();
            long seqBefore = order.seq();
            FoldOutcome outcome = orders.apply(order, envelope);
            if (outcome != FoldOutcome.APPLIED) {
                return outcome.isDone() ? null : Failure.of(outcome, envelope, seqBefore);
            }
            folded.changedOrders.add(orderId);
            if (envelope.aggregateSequence() > customer.absorbed(orderId, storedSeq(storedOrders, orderId))) {
                customers.absorb(customer, before, order.standing());
                folded.customerChanged = true;
            }
            return null;
        } catch (RuntimeException e) {
            throw new Thrown(event, e);
        }
    }

    /** Applies an order's event to its reloaded document only; whether it changed it. */
    public boolean refoldOrder(OrderDetails order, EventEnvelope event) {
        return orders.apply(order, event) == FoldOutcome.APPLIED;
    }

    private OrderDetails load(Folded folded, Map<String, Document> storedOrders, String orderId) {
        Document stored = storedOrders.get(orderId);
        if (stored == null) {
            return new OrderDetails(orderId);
        }
        folded.orderVersions.put(orderId, stored.getLong(StoredDocuments.VERSION));
        return orderDocuments.fromBson(stored);
    }

    /**
     * Refills the rankings that ran empty, from the stored orders overlaid with the standings this fold holds. Not
     * while an order's document lags behind what the customer document holds of it (after a crash between the two
     * writes, until the rest of its events come round again): its stored standing would be the wrong one.
     */
    private boolean refill(Folded folded, Map<String, Document> storedOrders, RankingSource rankings) {
        CustomerDetails customer = folded.customer;
        List<RankedOrders.Kind> kinds = customers.rankingsToRefill(customer);
        if (kinds.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Long> pending : customer.pending().entrySet()) {
            OrderDetails inMemory = folded.orders.get(pending.getKey());
            long held = inMemory != null ? inMemory.seq() : storedSeq(storedOrders, pending.getKey());
            if (held < pending.getValue()) {
                return false;
            }
        }
        for (RankedOrders.Kind kind : kinds) {
            Map<String, OrderStanding> standings = new LinkedHashMap<>();
            rankings.first(folded.customerId, kind, RankedOrders.CAPACITY + folded.orders.size())
                    .forEach(stored -> standings.put(stored.orderId(), stored));
            folded.orders.values().stream()
                    .map(OrderDetails::standing)
                    .filter(standing -> standing != null)
                    .forEach(standing -> standings.put(standing.orderId(), standing));
            customers.refill(customer, kind, new ArrayList<>(standings.values()));
        }
        return true;
    }

    private static long storedSeq(Map<String, Document> storedOrders, String orderId) {
        Document stored = storedOrders.get(orderId);
        return stored == null ? Sequence.NONE : stored.getLong("seq");
    }

    /** A projection threw on an event; the fold starts again without it. */
    private static final class Thrown extends RuntimeException {
        final Event event;
        final RuntimeException cause;

        Thrown(Event event, RuntimeException cause) {
            super(null, cause, false, false);
            this.event = event;
            this.cause = cause;
        }
    }
}
