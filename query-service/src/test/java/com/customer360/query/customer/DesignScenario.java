package com.customer360.query.customer;

import static com.customer360.query.EventHistory.address;

import com.customer360.events.Address;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import java.math.BigDecimal;
import java.util.List;

/**
 * A customer with orders in two currencies, one cancelled, one partly refunded, one returned (and refunded in full)
 * and one draft, and the figures the domain rules (docs/domain-rules.md) give for it, worked out by hand:
 *
 * <pre>
 * USD  o-1 120.00 placed 01-10, returned, refunded 120.00   counted, net   0.00
 *      o-2  80.05 placed 02-01, refunded 30.00              counted, net  50.05
 *      o-3  50.00 placed 03-01, cancelled                   not counted
 *      → count 2, CLV 50.05, AOV 25.025 → 25.02 (half-even), refunded 150.00
 * EUR  o-4  45.50 placed 02-15                              counted, net  45.50
 *      o-5  19.99 drafted 03-05                             not counted
 *      → count 1, CLV 45.50, AOV 45.50, refunded 0.00
 * latest shipping address: o-4's (the counted order placed last); first order 01-10, last 02-15
 * </pre>
 */
final class DesignScenario {

    static final CustomerFolds.CurrencySummary USD = new CustomerFolds.CurrencySummary(
            "USD", 2, new BigDecimal("50.05"), new BigDecimal("25.02"), new BigDecimal("150.00"));
    static final CustomerFolds.CurrencySummary EUR = new CustomerFolds.CurrencySummary(
            "EUR", 1, new BigDecimal("45.50"), new BigDecimal("45.50"), new BigDecimal("0.00"));
    static final Address LATEST_ADDRESS = address("4 Euro Street");

    private DesignScenario() {}

    /** The scenario's n-th order of {@code customerId}, unique per customer so scenarios can share a store. */
    static String order(String customerId, int n) {
        return customerId + "-o-" + n;
    }

    static List<EventEnvelope> events(EventHistory history, String customerId) {
        String o1 = order(customerId, 1);
        String o2 = order(customerId, 2);
        String o3 = order(customerId, 3);
        String o4 = order(customerId, 4);
        String o5 = order(customerId, 5);
        return List.of(
                history.registered(customerId, address("1 Home Road")),
                history.placed(o1, customerId, "USD", "120.00", "2026-01-10"),
                history.placed(o2, customerId, "USD", "80.05", "2026-02-01"),
                history.placed(o4, customerId, "EUR", "45.50", "2026-02-15", LATEST_ADDRESS),
                history.shipped(o1, customerId, "2026-01-11"),
                history.placed(o3, customerId, "USD", "50.00", "2026-03-01"),
                history.delivered(o1, customerId, "2026-01-12"),
                history.refunded(o2, customerId, "USD", "30.00"),
                history.drafted(o5, customerId, "EUR", "19.99", "2026-03-05"),
                history.cancelled(o3, customerId),
                history.returned(o1, customerId),
                history.refunded(o1, customerId, "USD", "120.00"));
    }
}
