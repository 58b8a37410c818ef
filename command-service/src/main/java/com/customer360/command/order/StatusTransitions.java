package com.customer360.command.order;

import static com.customer360.events.order.OrderStatus.CANCELLED;
import static com.customer360.events.order.OrderStatus.DELIVERED;
import static com.customer360.events.order.OrderStatus.DRAFT;
import static com.customer360.events.order.OrderStatus.IN_TRANSIT;
import static com.customer360.events.order.OrderStatus.PLACED;
import static com.customer360.events.order.OrderStatus.RETURNED;

import com.customer360.events.order.OrderStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status an order may go to from which: the one place that says so. Drafts become placed; placed → in transit
 * (again while in transit: progress reports) → delivered; drafts and placed orders may be cancelled; delivered orders
 * may be returned. A transition not allowed now may become allowed after others (a placed order cannot be returned
 * yet, but once delivered it can), which tells a caller that an earlier fact may still be on its way; one that can
 * never be allowed again is refused for good.
 */
final class StatusTransitions {

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(Map.of(
            DRAFT, EnumSet.of(PLACED, CANCELLED),
            PLACED, EnumSet.of(IN_TRANSIT, CANCELLED),
            IN_TRANSIT, EnumSet.of(IN_TRANSIT, DELIVERED),
            DELIVERED, EnumSet.of(RETURNED),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            RETURNED, EnumSet.noneOf(OrderStatus.class)));

    /** The statuses in which the order has not shipped and may still be sent elsewhere. */
    private static final Set<OrderStatus> BEFORE_SHIPPING = EnumSet.of(DRAFT, PLACED);

    private StatusTransitions() {}

    static boolean allowed(OrderStatus from, OrderStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Whether going from {@code from} to {@code to} is allowed now or after some other allowed transitions. */
    static boolean allowedLater(OrderStatus from, OrderStatus to) {
        Set<OrderStatus> seen = EnumSet.of(from);
        Set<OrderStatus> frontier = EnumSet.of(from);
        while (!frontier.isEmpty()) {
            Set<OrderStatus> next = EnumSet.noneOf(OrderStatus.class);
            for (OrderStatus status : frontier) {
                if (allowed(status, to)) {
                    return true;
                }
                next.addAll(NEXT.get(status));
            }
            next.removeAll(seen);
            seen.addAll(next);
            frontier = next;
        }
        return false;
    }

    static boolean beforeShipping(OrderStatus status) {
        return BEFORE_SHIPPING.contains(status);
    }
}
