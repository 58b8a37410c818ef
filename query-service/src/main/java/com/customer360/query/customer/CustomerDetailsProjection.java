package com.customer360.query.customer;

import static com.customer360.query.fold.FoldOutcome.APPLIED;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerDetailsChanged;
import com.customer360.events.customer.CustomerEvent;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.fold.FoldOutcome;
import com.customer360.query.fold.Sequence;
import com.customer360.query.fold.StoredTime;
import com.customer360.query.order.OrderStanding;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The customer detail projection. Customer events change the contact details, in the order of the customer's own
 * history ({@link Sequence}); an order's change reaches the document as the move from one standing of the order to
 * the next, which it takes out of and puts into the sums, counts and rankings. Then {@link #derive} sets what the
 * page shows, following the domain rules: only counted orders make up the figures; the latest shipping address is the
 * one of the counted order placed last (by placed time, whatever order events arrived in), else the customer's
 * default address.
 */
public final class CustomerDetailsProjection {

    public FoldOutcome apply(CustomerDetails customer, EventEnvelope envelope) {
        FoldOutcome refused = Sequence.check(customer.customerSeq, envelope.aggregateSequence());
        if (refused != null) {
            return refused;
        }
        CustomerEvent event = (CustomerEvent) envelope.event();
        if (event instanceof CustomerRegistered registered) {
            customer.name = registered.name();
            customer.email = registered.email();
            customer.phone = registered.phone();
            customer.defaultShippingAddress = registered.defaultShippingAddress();
            customer.registeredAt = StoredTime.of(registered.registeredAt());
        } else if (event instanceof CustomerDetailsChanged changed) {
            customer.name = changed.name();
            customer.email = changed.email();
            customer.phone = changed.phone();
            customer.defaultShippingAddress = changed.defaultShippingAddress();
        }
        customer.customerSeq = envelope.aggregateSequence();
        return APPLIED;
    }

    /**
     * Moves an order from the standing the document holds to the next one.
     *
     * @param before {@code null} for an order new to the document
     */
    public void absorb(CustomerDetails customer, OrderStanding before, OrderStanding after) {
        long countedBefore = customer.countedOrders();
        long inTransitBefore = customer.countOf(OrderStatus.IN_TRANSIT);
        if (before != null) {
            figuresOf(customer, before.currency()).remove(before);
            customer.statusCounts.merge(before.status(), -1L, Long::sum);
        }
        figuresOf(customer, after.currency()).add(after);
        customer.statusCounts.merge(after.status(), 1L, Long::sum);
        customer.figures.values().removeIf(figures -> figures.orders == 0);
        customer.statusCounts.values().removeIf(count -> count == 0);
        customer.latest.change(before, after, countedBefore);
        customer.earliest.change(before, after, countedBefore);
        customer.inTransit.change(before, after, inTransitBefore);
    }

    /** Remembers that the document holds the order at {@code seq}, ahead of the order's stored document. */
    public void holdsAhead(CustomerDetails customer, String orderId, long seq) {
        customer.pending.put(orderId, seq);
    }

    /** Forgets the orders whose stored documents have caught up: {@code storedSeq} gives their stored positions. */
    public void forgetCaughtUp(CustomerDetails customer, Function<String, Long> storedSeq) {
        customer.pending.entrySet().removeIf(entry -> storedSeq.apply(entry.getKey()) >= entry.getValue());
    }

    /** The rankings that ran empty while orders that qualify for them remain. */
    public List<RankedOrders.Kind> rankingsToRefill(CustomerDetails customer) {
        return rankings(customer).entrySet().stream()
                .filter(ranking -> ranking.getValue().needsRefill(qualifying(customer, ranking.getKey())))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Refills a ranking from the orders' standings as this document holds them. */
    public void refill(CustomerDetails customer, RankedOrders.Kind kind, Collection<OrderStanding> orders) {
        rankings(customer).get(kind).refill(List.copyOf(orders));
    }

    /**
     * Sets what the page shows from the sums and rankings. A ranking that ran empty and could not be refilled yet
     * leaves what was derived from it as it was, until the next batch of the customer refills it.
     */
    public void derive(CustomerDetails customer) {
        long counted = customer.countedOrders();
        if (counted == 0) {
            customer.latestShippingAddress = customer.defaultShippingAddress;
            customer.lastOrderAt = null;
            customer.firstOrderAt = null;
            customer.primaryCurrency = customer.figures.isEmpty()
                    ? null
                    : customer.figures.keySet().iterator().next();
        } else {
            if (!customer.latest.needsRefill(counted)) {
                RankedOrders.Entry latest = customer.latest.first();
                customer.latestShippingAddress = latest.address();
                customer.lastOrderAt = latest.at();
                customer.primaryCurrency = latest.currency();
            }
            if (!customer.earliest.needsRefill(counted)) {
                customer.firstOrderAt = customer.earliest.first().at();
            }
        }
        long inTransit = customer.countOf(OrderStatus.IN_TRANSIT);
        if (inTransit == 0) {
            customer.inTransitSince = null;
        } else if (!customer.inTransit.needsRefill(inTransit)) {
            customer.inTransitSince = customer.inTransit.first().at();
        }
    }

    private static Map<RankedOrders.Kind, RankedOrders> rankings(CustomerDetails customer) {
        return Map.of(
                RankedOrders.Kind.LATEST_PLACED, customer.latest,
                RankedOrders.Kind.EARLIEST_PLACED, customer.earliest,
                RankedOrders.Kind.LONGEST_IN_TRANSIT, customer.inTransit);
    }

    private static long qualifying(CustomerDetails customer, RankedOrders.Kind kind) {
        return kind == RankedOrders.Kind.LONGEST_IN_TRANSIT
                ? customer.countOf(OrderStatus.IN_TRANSIT)
                : customer.countedOrders();
    }

    private static CurrencyFigures figuresOf(CustomerDetails customer, String currency) {
        return customer.figures.computeIfAbsent(currency, CurrencyFigures::new);
    }
}
