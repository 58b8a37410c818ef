package com.customer360.command.order;

import com.customer360.events.Address;
import com.customer360.events.order.OrderLine;
import java.time.Instant;
import java.util.List;

/** What an order was created with, to tell a retried create from a different order under the same id. */
record OrderCreation(
        String customerId,
        String storeId,
        String currency,
        List<OrderLine> lines,
        Address shippingAddress,
        boolean draft,
        Instant placedAt) {

    /** The same request again: a retry. */
    boolean sameAs(CreateOrder command) {
        return sameOrderAs(command)
                && draft == command.draft()
                && (command.placedAt() == null || command.placedAt().equals(placedAt));
    }

    /** The same order, whether as a draft or placed. */
    boolean sameOrderAs(CreateOrder command) {
        return customerId.equals(command.customerId())
                && storeId.equals(command.storeId())
                && currency.equals(command.currency())
                && lines.equals(command.lines())
                && shippingAddress.equals(command.shippingAddress())
                && (command.total() == null || command.total().compareTo(command.computedTotal()) == 0);
    }
}
