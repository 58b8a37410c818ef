package com.customer360.local;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generated customer's page must show once all of its messages were consumed, computed from how each of its
 * orders ended by the domain rules (docs/domain-rules.md), not by the services' code: which orders count, the lifetime
 * value and average order value per currency, the latest shipping address, the first and last order.
 */
final class ExpectedCustomer {

    private ExpectedCustomer() {}

    /** Expected figures of one currency. */
    record Figures(int orderCount, BigDecimal lifetimeValue, BigDecimal averageOrderValue, BigDecimal refundedTotal) {}

    /** What a customer's page must show once everything was consumed. */
    record Expected(
            String customerId,
            String email,
            Map<String, Figures> byCurrency,
            String latestLine1,
            Instant lastOrderAt,
            String name,
            String phone,
            Instant firstOrderAt,
            List<ExpectedOrder> orders) {}

    /** How one order must end: its status, money, current address and placed time (null if never placed). */
    record ExpectedOrder(
            String orderId,
            String currency,
            String status,
            BigDecimal total,
            BigDecimal refunded,
            String line1,
            Instant placedAt) {

        boolean counted() {
            return !status.equals("DRAFT") && !status.equals("CANCELLED");
        }
    }

    /** The customer's page, by the domain rules (docs/domain-rules.md), from how each order ended. */
    static Expected of(
            String customerId,
            String name,
            String email,
            String phone,
            String defaultLine1,
            List<ExpectedOrder> orders) {
        Map<String, Totals> totals = new TreeMap<>();
        for (ExpectedOrder order : orders) {
            Totals currency = totals.computeIfAbsent(order.currency(), Totals::new);
            if (order.counted()) {
                currency.add(order.total().subtract(order.refunded()), order.refunded());
            }
        }
        Map<String, Figures> byCurrency = new LinkedHashMap<>();
        totals.forEach((code, t) -> byCurrency.put(code, t.figures()));
        List<ExpectedOrder> counted =
                orders.stream().filter(ExpectedOrder::counted).toList();
        ExpectedOrder latest = counted.stream()
                .max(Comparator.comparing(ExpectedOrder::placedAt).thenComparing(ExpectedOrder::orderId))
                .orElse(null);
        Instant first = counted.stream()
                .map(ExpectedOrder::placedAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
        return new Expected(
                customerId,
                email,
                byCurrency,
                latest != null ? latest.line1() : defaultLine1,
                latest != null ? latest.placedAt() : null,
                name,
                phone,
                first,
                List.copyOf(orders));
    }

    /** Running sums of one currency; the average follows the domain rules: half-even to the minor unit, 0 without orders. */
    private static final class Totals {
        private final int digits;
        private int count;
        private BigDecimal lifetimeValue;
        private BigDecimal refunded;

        Totals(String currency) {
            this.digits = UpstreamHistory.digits(currency);
            this.lifetimeValue = BigDecimal.ZERO.setScale(digits);
            this.refunded = BigDecimal.ZERO.setScale(digits);
        }

        void add(BigDecimal net, BigDecimal refund) {
            count++;
            lifetimeValue = lifetimeValue.add(net);
            refunded = refunded.add(refund);
        }

        Figures figures() {
            BigDecimal average = count == 0
                    ? BigDecimal.ZERO.setScale(digits)
                    : lifetimeValue.divide(BigDecimal.valueOf(count), digits, RoundingMode.HALF_EVEN);
            return new Figures(count, lifetimeValue, average, refunded);
        }
    }
}
