package com.customer360.query.order;

import com.customer360.events.order.OrderStatus;
import java.time.Instant;
import java.util.List;

/**
 * One page of a customer's order history, newest first.
 *
 * @param page the page number when asked for by number, {@code null} when asked for by cursor
 * @param nextCursor where the next (older) page starts, {@code null} on the last page
 * @param previousCursor where the previous (newer) page starts, {@code null} on the first page
 */
public record OrderHistoryPage(
        List<Item> items,
        Integer page,
        int size,
        long totalItems,
        boolean hasPrevious,
        boolean hasNext,
        String nextCursor,
        String previousCursor) {

    /** A row of the table; {@code amount} is the order total. */
    public record Item(
            String orderId,
            String storeId,
            Instant orderDate,
            String amount,
            String currency,
            OrderStatus status,
            boolean stuckInTransit) {}
}
