package com.customer360.command.order;

import com.customer360.events.Address;
import com.customer360.events.order.OrderLine;
import java.time.Instant;
import java.util.List;

/**
 * What an order was created and placed with, to tell the same order sent again from a different order under the same
 * id. An upstream system reporting a draft as placed sends the whole order again with the address it ships to by then,
 * so the same order may come with the address it was created with or the one it was placed with.
 */
record OrderCreation(
        String customerId,
        String storeId,
        String currency,
        List<OrderLine> lines,
        Address createdWith,
        boolean draft,
        Address placedWith,
        Instant placedAt) {

    static OrderCreation drafted(
            String customerId, String storeId, String currency, List<OrderLine> lines, Address address) {
        return new OrderCreation(customerId, storeId, currency, lines, address, true, null, null);
    }

    static OrderCreation placed(
            String customerId,
            String storeId,
            String currency,
            List<OrderLine> lines,
            Address address,
            Instant placedAt) {
        return new OrderCreation(customerId, storeId, currency, lines, address, false, address, placedAt);
    }

    OrderCreation placed(Address address, Instant at) {
        return new OrderCreation(customerId, storeId, currency, lines, createdWith, draft, address, at);
    }

    boolean wasPlaced() {
        return placedAt != null;
    }

    /**
     * The same order, as a draft or placed: same customer, store, currency and lines, and the address it was created
     * with or placed with ({@code current} while it is not placed yet).
     */
    boolean sameOrderAs(CreateOrder command, Address current) {
        Address placing = wasPlaced() ? placedWith : current;
        return customerId.equals(command.customerId())
                && storeId.equals(command.storeId())
                && currency.equals(command.currency())
                && lines.equals(command.lines())
                && (createdWith.equals(command.shippingAddress()) || placing.equals(command.shippingAddress()))
                && (command.total() == null || command.total().compareTo(command.computedTotal()) == 0);
    }

    /** The same order sent as placed once more, after it was placed: nothing new, if it names no other time. */
    boolean placedAgainBy(CreateOrder command) {
        return !command.draft()
                && wasPlaced()
                && (command.placedAt() == null || command.placedAt().equals(placedAt));
    }
}
