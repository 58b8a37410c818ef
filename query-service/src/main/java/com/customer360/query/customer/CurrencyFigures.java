package com.customer360.query.customer;

import com.customer360.events.Money;
import com.customer360.query.order.OrderStanding;
import java.math.BigDecimal;

/**
 * A customer's running sums in one currency, moved from one standing of an order to the next: how many orders there
 * are in it at all, how many count, their lifetime value and what was refunded on them. Sums are exact; nothing is
 * ever summed across currencies.
 */
final class CurrencyFigures {

    final String currency;
    long orders;
    long counted;
    BigDecimal lifetimeValue;
    BigDecimal refundedTotal;

    CurrencyFigures(String currency) {
        this(currency, 0, 0, Money.zero(currency), Money.zero(currency));
    }

    CurrencyFigures(String currency, long orders, long counted, BigDecimal lifetimeValue, BigDecimal refundedTotal) {
        this.currency = currency;
        this.orders = orders;
        this.counted = counted;
        this.lifetimeValue = lifetimeValue;
        this.refundedTotal = refundedTotal;
    }

    void add(OrderStanding order) {
        orders++;
        if (order.counted()) {
            counted++;
            lifetimeValue = lifetimeValue.add(order.net());
            refundedTotal = refundedTotal.add(order.refundedTotal());
        }
    }

    void remove(OrderStanding order) {
        orders--;
        if (order.counted()) {
            counted--;
            lifetimeValue = lifetimeValue.subtract(order.net());
            refundedTotal = refundedTotal.subtract(order.refundedTotal());
        }
    }

    BigDecimal averageOrderValue() {
        return Money.average(lifetimeValue, counted, currency);
    }
}
