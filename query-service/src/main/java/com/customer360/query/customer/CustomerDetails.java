package com.customer360.query.customer;

import com.customer360.events.Address;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.fold.Sequence;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One customer's detail document: contact details, and the figures of all their orders kept incrementally — sums per
 * currency, counts per status and three short rankings — so that it stays the same size whether the customer has
 * ten orders or a hundred thousand. The orders themselves live in their own documents.
 *
 * <p>{@link #pending} is how this document and the order documents stay exact without transactions: the customer
 * document is written before the order documents of a batch, and remembers up to which position of each of those
 * orders it has taken their changes in, until the order documents are seen written that far. An event of an order
 * changes the figures only past that position, so a batch that is retried after a crash between the two writes
 * never counts an event twice. The entries are only those of orders changed by the customer's latest batches.
 */
public final class CustomerDetails {

    final String customerId;
    String name;
    String email;
    String phone;
    Address defaultShippingAddress;
    Instant registeredAt;
    /** The last applied position in the customer's own history. */
    long customerSeq = Sequence.NONE;

    /** By currency code. */
    final Map<String, CurrencyFigures> figures = new TreeMap<>();

    final Map<OrderStatus, Long> statusCounts = new EnumMap<>(OrderStatus.class);
    RankedOrders latest = new RankedOrders(RankedOrders.Kind.LATEST_PLACED);
    RankedOrders earliest = new RankedOrders(RankedOrders.Kind.EARLIEST_PLACED);
    RankedOrders inTransit = new RankedOrders(RankedOrders.Kind.LONGEST_IN_TRANSIT);
    /** Order id → the position of that order this document has taken in, while its document may lag behind. */
    final Map<String, Long> pending = new LinkedHashMap<>();

    // Derived from the above by CustomerDetailsProjection.derive, stored so reads and indexes need no computing.
    Address latestShippingAddress;
    Instant firstOrderAt;
    Instant lastOrderAt;
    String primaryCurrency;
    Instant inTransitSince;

    public CustomerDetails(String customerId) {
        this.customerId = customerId;
    }

    public String customerId() {
        return customerId;
    }

    public String name() {
        return name;
    }

    public long customerSeq() {
        return customerSeq;
    }

    /** Registered customers are the ones the API knows; events of their orders may arrive before. */
    boolean isRegistered() {
        return registeredAt != null;
    }

    /**
     * The position of the order whose changes this document holds: at least what its order document holds, more
     * while that document lags behind this one.
     */
    public long absorbed(String orderId, long orderDocumentSeq) {
        Long pendingSeq = pending.get(orderId);
        return pendingSeq == null ? orderDocumentSeq : Math.max(pendingSeq, orderDocumentSeq);
    }

    /** The orders this document holds further than their stored documents may, with the positions. */
    public Map<String, Long> pending() {
        return Map.copyOf(pending);
    }

    public long countOf(OrderStatus status) {
        return statusCounts.getOrDefault(status, 0L);
    }

    long orderCount() {
        return statusCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    long countedOrders() {
        return figures.values().stream().mapToLong(figures -> figures.counted).sum();
    }
}
