package com.customer360.query.customer;

import static com.customer360.query.fold.FoldOutcome.ALREADY_APPLIED;
import static com.customer360.query.fold.FoldOutcome.APPLIED;
import static com.customer360.query.fold.FoldOutcome.CURRENCY_MISMATCH;
import static com.customer360.query.fold.FoldOutcome.ORDER_UNKNOWN;

import com.customer360.events.Address;
import com.customer360.events.DomainEvent;
import com.customer360.events.Money;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerDetailsChanged;
import com.customer360.events.customer.CustomerEvent;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderCancelled;
import com.customer360.events.order.OrderDrafted;
import com.customer360.events.order.OrderEvent;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.events.order.OrderReturned;
import com.customer360.events.order.OrderShippingAddressChanged;
import com.customer360.events.order.OrderStatus;
import com.customer360.events.order.ShipmentUpdated;
import com.customer360.query.fold.FoldOutcome;
import com.customer360.query.fold.Projection;
import com.customer360.query.fold.StoredTime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer detail projection: folds customer and order events into the customer's document. Each event applies
 * only if its position in its own aggregate's history is past the last one applied (the customer's, or that
 * order's), which makes redeliveries and replays change nothing.
 */
final class CustomerDetailsProjection implements Projection<CustomerDetails> {

    @Override
    public String documentIdOf(DomainEvent event) {
        return event.customerId();
    }

    @Override
    public CustomerDetails newDocument(String id) {
        return new CustomerDetails(id);
    }

    @Override
    public List<FoldOutcome> apply(CustomerDetails customer, List<EventEnvelope> events) {
        List<FoldOutcome> outcomes = new ArrayList<>(events.size());
        boolean changed = false;
        for (EventEnvelope envelope : events) {
            FoldOutcome outcome = applyOne(customer, envelope);
            changed |= outcome == APPLIED;
            outcomes.add(outcome);
        }
        if (changed) {
            CustomerFigures.refresh(customer);
        }
        return outcomes;
    }

    private static FoldOutcome applyOne(CustomerDetails customer, EventEnvelope envelope) {
        if (envelope.event() instanceof CustomerEvent event) {
            return applyCustomerEvent(customer, event, envelope.aggregateSequence());
        }
        return applyOrderEvent(customer, (OrderEvent) envelope.event(), envelope.aggregateSequence());
    }

    private static FoldOutcome applyCustomerEvent(CustomerDetails customer, CustomerEvent event, long seq) {
        if (seq <= customer.customerSeq) {
            return ALREADY_APPLIED;
        }
        if (event instanceof CustomerRegistered registered) {
            contact(
                    customer,
                    registered.name(),
                    registered.email(),
                    registered.phone(),
                    registered.defaultShippingAddress());
            customer.registeredAt = StoredTime.of(registered.registeredAt());
        } else if (event instanceof CustomerDetailsChanged changed) {
            contact(customer, changed.name(), changed.email(), changed.phone(), changed.defaultShippingAddress());
        }
        customer.customerSeq = seq;
        return APPLIED;
    }

    private static void contact(CustomerDetails customer, String name, String email, String phone, Address address) {
        customer.name = name;
        customer.email = email;
        customer.phone = phone;
        customer.defaultShippingAddress = address;
    }

    private static FoldOutcome applyOrderEvent(CustomerDetails customer, OrderEvent event, long seq) {
        OrderRow row = customer.order(event.orderId());
        if (row == null) {
            if (!(event instanceof OrderDrafted || event instanceof OrderPlaced)) {
                return ORDER_UNKNOWN;
            }
            row = customer.addOrder(event.orderId());
        }
        if (seq <= row.seq) {
            return ALREADY_APPLIED;
        }
        if (event instanceof OrderRefunded refunded && !refunded.currency().equals(row.currency)) {
            return CURRENCY_MISMATCH;
        }
        applyToRow(row, event);
        row.seq = seq;
        return APPLIED;
    }

    private static void applyToRow(OrderRow row, OrderEvent event) {
        if (event instanceof OrderDrafted drafted) {
            row.status = OrderStatus.DRAFT;
            row.storeId = drafted.storeId();
            row.currency = drafted.currency();
            row.total = Money.exact(drafted.total(), drafted.currency());
            row.refundedTotal = refundedSoFar(row);
            row.shippingAddress = drafted.shippingAddress();
            row.placedAt = null;
            row.orderDate = StoredTime.of(drafted.draftedAt());
        } else if (event instanceof OrderPlaced placed) {
            row.status = OrderStatus.PLACED;
            row.storeId = placed.storeId();
            row.currency = placed.currency();
            row.total = Money.exact(placed.total(), placed.currency());
            row.refundedTotal = refundedSoFar(row);
            row.shippingAddress = placed.shippingAddress();
            row.placedAt = StoredTime.of(placed.placedAt());
            row.orderDate = row.placedAt;
        } else if (event instanceof OrderShippingAddressChanged changed) {
            row.shippingAddress = changed.shippingAddress();
        } else if (event instanceof ShipmentUpdated shipment) {
            row.status = OrderStatus.valueOf(shipment.status().name());
            row.lastShipmentUpdateAt = StoredTime.of(shipment.at());
        } else if (event instanceof OrderCancelled) {
            row.status = OrderStatus.CANCELLED;
        } else if (event instanceof OrderRefunded refunded) {
            row.refundedTotal = row.refundedTotal.add(Money.exact(refunded.amount(), row.currency));
        } else if (event instanceof OrderReturned) {
            row.status = OrderStatus.RETURNED;
        }
    }

    private static BigDecimal refundedSoFar(OrderRow row) {
        return row.refundedTotal == null ? Money.zero(row.currency) : row.refundedTotal;
    }
}
