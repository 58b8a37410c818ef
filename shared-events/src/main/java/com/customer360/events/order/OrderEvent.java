package com.customer360.events.order;

import com.customer360.events.DomainEvent;

/** An event in the history of one order. */
public sealed interface OrderEvent extends DomainEvent
        permits OrderDrafted,
                OrderPlaced,
                OrderShippingAddressChanged,
                ShipmentUpdated,
                OrderCancelled,
                OrderRefunded,
                OrderReturned {

    String orderId();
}
