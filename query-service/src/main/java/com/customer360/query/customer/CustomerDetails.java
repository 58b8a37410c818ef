package com.customer360.query.customer;

import com.customer360.events.Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's detail document, folded in memory and then written whole. The fields above the derived ones are
 * state assigned by events; the derived ones are recomputed from them by {@link CustomerFigures} so that reads never
 * compute anything.
 */
final class CustomerDetails {

    final String customerId;
    String name;
    String email;
    String phone;
    Address defaultShippingAddress;
    Instant registeredAt;
    /** The last applied position in the customer's own history; -1 before any. */
    long customerSeq = -1;

    /** Newest first once {@link CustomerFigures#refresh} has run. */
    final List<OrderRow> orders = new ArrayList<>();

    private final Map<String, OrderRow> ordersById = new HashMap<>();

    List<CurrencySummary> summaries = List.of();
    Address latestShippingAddress;
    Instant firstOrderAt;
    Instant lastOrderAt;

    CustomerDetails(String customerId) {
        this.customerId = customerId;
    }

    /** Registered customers are the ones the API knows; events of their orders may arrive before. */
    boolean isRegistered() {
        return registeredAt != null;
    }

    OrderRow order(String orderId) {
        return ordersById.get(orderId);
    }

    OrderRow addOrder(String orderId) {
        OrderRow row = new OrderRow(orderId);
        orders.add(row);
        ordersById.put(orderId, row);
        return row;
    }

    void addOrder(OrderRow row) {
        orders.add(row);
        ordersById.put(row.orderId, row);
    }
}
