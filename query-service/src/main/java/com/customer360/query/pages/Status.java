package com.customer360.query.pages;

import com.customer360.events.order.OrderStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** An order status as a reader sees it: a word instead of a constant, and the badge's class for its colour. */
record Status(String value, String label, String badge) {

    static Status of(OrderStatus status) {
        String label =
                switch (status) {
                    case DRAFT -> "Draft";
                    case PLACED -> "Placed";
                    case IN_TRANSIT -> "In transit";
                    case DELIVERED -> "Delivered";
                    case CANCELLED -> "Cancelled";
                    case RETURNED -> "Returned";
                };
        return new Status(
                status.name(),
                label,
                "badge status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** Every status, for the order history's filter. */
    static List<Status> all() {
        return Arrays.stream(OrderStatus.values()).map(Status::of).toList();
    }
}
