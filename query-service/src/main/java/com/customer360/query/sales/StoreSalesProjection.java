package com.customer360.query.sales;

import static com.customer360.query.fold.FoldOutcome.ALREADY_APPLIED;
import static com.customer360.query.fold.FoldOutcome.APPLIED;
import static com.customer360.query.fold.FoldOutcome.ORDER_UNKNOWN;
import static com.customer360.query.fold.FoldOutcome.SEQUENCE_GAP;

import com.customer360.events.Money;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.order.OrderCancelled;
import com.customer360.events.order.OrderDrafted;
import com.customer360.events.order.OrderEvent;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.events.order.OrderReturned;
import com.customer360.events.order.OrderStatus;
import com.customer360.events.order.ShipmentStatus;
import com.customer360.events.order.ShipmentUpdated;
import com.customer360.query.fold.FoldOutcome;
import com.customer360.query.fold.Sequence;
import com.customer360.query.sales.OrderSales.Kind;
import com.customer360.query.sales.OrderSales.Step;
import java.util.Comparator;

/**
 * The store-sales projection: folds an order's events into what the order contributes to its store's day, by the
 * same rules as the customer figures — a counted order is neither a draft nor cancelled, its revenue is its total less
 * its refunds, amounts keep their currency's digits. Each event applies exactly once and in its order: a position
 * already applied is ignored (a redelivery, a replay), and a position past the next one waits in the order's document
 * until the missing one arrives, then they apply in order. Plain Java, so the rules are tested by calling it.
 */
final class StoreSalesProjection {

    /** Applies one event; customer events and anything that is not an order's are not this view's. */
    FoldOutcome apply(OrderSales order, EventEnvelope envelope) {
        Step step = stepOf(envelope);
        return step == null ? ALREADY_APPLIED : apply(order, step);
    }

    /** The sales part of an order event; {@code null} for events of other aggregates. */
    static Step stepOf(EventEnvelope envelope) {
        if (!(envelope.event() instanceof OrderEvent event)) {
            return null;
        }
        long seq = envelope.aggregateSequence();
        if (event instanceof OrderDrafted drafted) {
            return new Step(
                    seq, Kind.DRAFTED, drafted.storeId(), drafted.currency(), drafted.total(), drafted.draftedAt());
        }
        if (event instanceof OrderPlaced placed) {
            return new Step(seq, Kind.PLACED, placed.storeId(), placed.currency(), placed.total(), placed.placedAt());
        }
        if (event instanceof OrderRefunded refunded) {
            return new Step(seq, Kind.REFUNDED, null, refunded.currency(), refunded.amount(), null);
        }
        if (event instanceof ShipmentUpdated shipment) {
            Kind kind = shipment.status() == ShipmentStatus.DELIVERED ? Kind.DELIVERED : Kind.IN_TRANSIT;
            return new Step(seq, kind, null, null, null, null);
        }
        if (event instanceof OrderCancelled) {
            return new Step(seq, Kind.CANCELLED, null, null, null, null);
        }
        if (event instanceof OrderReturned) {
            return new Step(seq, Kind.RETURNED, null, null, null, null);
        }
        return new Step(seq, Kind.OTHER, null, null, null, null);
    }

    FoldOutcome apply(OrderSales order, Step step) {
        FoldOutcome refused = Sequence.check(order.seq, step.seq());
        if (refused == ALREADY_APPLIED) {
            return ALREADY_APPLIED;
        }
        if (refused == SEQUENCE_GAP) {
            park(order, step);
            return SEQUENCE_GAP;
        }
        if (!applyNext(order, step)) {
            return ORDER_UNKNOWN;
        }
        order.parked.removeIf(parked -> parked.seq() <= order.seq);
        Step next = waiting(order);
        while (next != null && applyNext(order, next)) {
            order.parked.remove(next);
            next = waiting(order);
        }
        return APPLIED;
    }

    private static void park(OrderSales order, Step step) {
        boolean known = order.parked.stream().anyMatch(parked -> parked.seq() == step.seq());
        if (!known && order.parked.size() < OrderSales.MAX_PARKED) {
            order.parked.add(step);
            order.parked.sort(Comparator.comparingLong(Step::seq));
        }
    }

    private static Step waiting(OrderSales order) {
        return order.parked.stream()
                .filter(parked -> parked.seq() == order.seq + 1)
                .findFirst()
                .orElse(null);
    }

    /** Applies the next position; {@code false} (nothing changed) if the order's first event does not create it. */
    private static boolean applyNext(OrderSales order, Step step) {
        boolean creates = step.kind() == Kind.DRAFTED || step.kind() == Kind.PLACED;
        if (!order.exists() && !creates) {
            return false;
        }
        switch (step.kind()) {
            case DRAFTED -> create(order, step, OrderStatus.DRAFT);
            case PLACED -> create(order, step, OrderStatus.PLACED);
            case IN_TRANSIT -> order.status = OrderStatus.IN_TRANSIT;
            case DELIVERED -> order.status = OrderStatus.DELIVERED;
            case CANCELLED -> order.status = OrderStatus.CANCELLED;
            case RETURNED -> order.status = OrderStatus.RETURNED;
            case REFUNDED -> {
                // A refund in another currency is no part of this order's money; the customer view holds it.
                if (step.currency().equals(order.currency)) {
                    order.refunded = order.refunded.add(Money.exact(step.amount(), order.currency));
                }
            }
            case OTHER -> {
                // Moves the position on only.
            }
        }
        order.seq = step.seq();
        return true;
    }

    private static void create(OrderSales order, Step step, OrderStatus status) {
        if (order.refunded == null || !step.currency().equals(order.currency)) {
            order.refunded = Money.zero(step.currency());
        }
        order.storeId = step.storeId();
        order.currency = step.currency();
        order.total = Money.exact(step.amount(), step.currency());
        order.day = OrderSales.dayOf(step.at());
        order.status = status;
    }
}
