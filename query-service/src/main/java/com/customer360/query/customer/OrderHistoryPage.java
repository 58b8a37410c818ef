package com.customer360.query.customer;

import com.customer360.events.Money;
import com.customer360.events.order.OrderStatus;
import java.time.Instant;
import java.util.List;

/** One page of the order history table, newest first, cut from the rows of the customer's document. */
record OrderHistoryPage(List<Item> items, int page, int size, long totalItems, boolean hasPrevious, boolean hasNext) {

    /** {@code status} may be {@code null} for every order. */
    static OrderHistoryPage of(CustomerDetails customer, int page, int size, OrderStatus status) {
        List<OrderRow> matching = status == null
                ? customer.orders
                : customer.orders.stream().filter(row -> row.status == status).toList();
        long from = Math.min((long) page * size, matching.size());
        long to = Math.min(from + size, matching.size());
        List<Item> items =
                matching.subList((int) from, (int) to).stream().map(Item::of).toList();
        return new OrderHistoryPage(items, page, size, matching.size(), page > 0, to < matching.size());
    }

    /** A row of the table; {@code amount} is the order total. */
    record Item(String orderId, String storeId, Instant orderDate, String amount, String currency, OrderStatus status) {

        static Item of(OrderRow row) {
            return new Item(
                    row.orderId,
                    row.storeId,
                    row.orderDate,
                    Money.format(row.total, row.currency),
                    row.currency,
                    row.status);
        }
    }
}
