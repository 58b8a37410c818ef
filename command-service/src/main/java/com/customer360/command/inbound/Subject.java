package com.customer360.command.inbound;

import com.customer360.events.upstream.UpstreamMessageTypes;
import java.util.Objects;

/**
 * What the arrival-order rule knows of a message: its type, the customer and the order it is about (from its data;
 * either may be absent), and whether it creates the order — the whole order sent as drafted or placed.
 */
record Subject(String type, String customerId, String orderId, boolean createsOrder) {

    static Subject of(UpstreamMessage message) {
        String type = message.type();
        boolean creates = type.equals(UpstreamMessageTypes.ORDER_DRAFTED)
                || (type.equals(UpstreamMessageTypes.ORDER_PLACED) && message.isWholeOrder());
        return new Subject(type, message.text("customerId"), message.text("orderId"), creates);
    }

    /** Whether both are about the same customer or the same order. */
    boolean sharesWith(Subject other) {
        return (customerId != null && customerId.equals(other.customerId))
                || (orderId != null && orderId.equals(other.orderId));
    }

    /** Whether carrying this message out may be what a message waiting for {@code awaited} needs. */
    boolean brings(Awaited awaited) {
        return switch (awaited.fact()) {
            case CUSTOMER_REGISTERED ->
                UpstreamMessageTypes.CUSTOMER_REGISTERED.equals(type) && Objects.equals(customerId, awaited.id());
            case ORDER_CREATED -> createsOrder && Objects.equals(orderId, awaited.id());
            case ORDER_STATUS_CHANGED ->
                (UpstreamMessageTypes.ORDER_PLACED.equals(type)
                                || UpstreamMessageTypes.ORDER_SHIPMENT_UPDATED.equals(type))
                        && Objects.equals(orderId, awaited.id());
            case TIME -> false;
        };
    }
}
