package com.customer360.events.order;

import static java.util.Objects.requireNonNull;

import com.customer360.events.Address;
import com.customer360.events.EventType;
import java.time.Instant;

/** The address an order ships to changed. */
@EventType(name = "order.shipping-address-changed", revision = 1)
public record OrderShippingAddressChanged(String orderId, String customerId, Address shippingAddress, Instant changedAt)
        implements OrderEvent {

    public OrderShippingAddressChanged {
        requireNonNull(orderId, "orderId");
        requireNonNull(customerId, "customerId");
        requireNonNull(shippingAddress, "shippingAddress");
        requireNonNull(changedAt, "changedAt");
    }
}
