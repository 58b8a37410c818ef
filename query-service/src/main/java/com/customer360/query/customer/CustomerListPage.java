package com.customer360.query.customer;

import java.time.Instant;
import java.util.List;

/** One page of the customer list; figures are in each customer's primary currency (that of their latest order). */
public record CustomerListPage(
        List<Item> items, int page, int size, long totalItems, boolean hasPrevious, boolean hasNext) {

    /**
     * @param currency the primary currency; {@code null} for a customer without orders
     * @param lifetimeValue {@code null} for a customer without orders, as the other figures
     */
    public record Item(
            String customerId,
            String name,
            String email,
            String phone,
            String currency,
            long orderCount,
            String lifetimeValue,
            String averageOrderValue,
            Instant lastOrderAt,
            boolean stuckInTransit,
            boolean hasDraft) {}
}
