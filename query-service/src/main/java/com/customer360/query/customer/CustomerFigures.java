package com.customer360.query.customer;

import com.customer360.events.Address;
import com.customer360.events.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Derives what the customer details page shows from the order rows and the default address, following the domain
 * rules: only counted orders (neither draft nor cancelled) make up the figures, figures are kept per currency, and
 * the latest shipping address is the one of the counted order placed last, whatever order the events arrived in.
 */
final class CustomerFigures {

    /** Order history order: newest order date first, then the higher order id, so equal dates list stably. */
    static final Comparator<OrderRow> NEWEST_FIRST = Comparator.comparing((OrderRow row) -> row.orderDate)
            .thenComparing(row -> row.orderId)
            .reversed();

    /** Placed time, ties broken by order id so the answer never depends on arrival order. */
    private static final Comparator<OrderRow> BY_PLACED_TIME = Comparator.comparing(
                    (OrderRow row) -> row.placedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(row -> row.orderId);

    private CustomerFigures() {}

    static void refresh(CustomerDetails customer) {
        customer.orders.sort(NEWEST_FIRST);
        customer.summaries = summaries(customer.orders);
        customer.latestShippingAddress = latestShippingAddress(customer);
        customer.firstOrderAt =
                placedTimes(customer.orders).min(Comparator.naturalOrder()).orElse(null);
        customer.lastOrderAt =
                placedTimes(customer.orders).max(Comparator.naturalOrder()).orElse(null);
    }

    private static List<CurrencySummary> summaries(List<OrderRow> orders) {
        Map<String, Totals> byCurrency = new TreeMap<>();
        for (OrderRow row : orders) {
            Totals totals = byCurrency.computeIfAbsent(row.currency, Totals::new);
            if (row.isCounted()) {
                totals.add(row);
            }
        }
        List<CurrencySummary> summaries = new ArrayList<>(byCurrency.size());
        byCurrency.values().forEach(totals -> summaries.add(totals.summary()));
        return List.copyOf(summaries);
    }

    private static Address latestShippingAddress(CustomerDetails customer) {
        return customer.orders.stream()
                .filter(row -> row.isCounted() && row.shippingAddress != null)
                .max(BY_PLACED_TIME)
                .map(row -> row.shippingAddress)
                .orElse(customer.defaultShippingAddress);
    }

    private static Stream<Instant> placedTimes(List<OrderRow> orders) {
        return orders.stream()
                .filter(row -> row.isCounted() && row.placedAt != null)
                .map(row -> row.placedAt);
    }

    /** Running sums of one currency. */
    private static final class Totals {

        private final String currency;
        private int orderCount;
        private BigDecimal lifetimeValue;
        private BigDecimal refundedTotal;

        Totals(String currency) {
            this.currency = currency;
            this.lifetimeValue = Money.zero(currency);
            this.refundedTotal = Money.zero(currency);
        }

        void add(OrderRow row) {
            orderCount++;
            lifetimeValue = lifetimeValue.add(row.netValue());
            refundedTotal = refundedTotal.add(row.refundedTotal);
        }

        CurrencySummary summary() {
            return new CurrencySummary(
                    currency,
                    orderCount,
                    lifetimeValue,
                    Money.average(lifetimeValue, orderCount, currency),
                    refundedTotal);
        }
    }
}
