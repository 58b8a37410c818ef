package com.customer360.query.pages;

import com.customer360.query.order.OrderHistoryPage;

/** A row of the order history table: the API's row with its status as a badge. */
record OrderRow(OrderHistoryPage.Item order, Status status) {

    static OrderRow of(OrderHistoryPage.Item order) {
        return new OrderRow(order, Status.of(order.status()));
    }
}
