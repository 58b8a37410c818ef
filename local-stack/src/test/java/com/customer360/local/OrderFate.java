package com.customer360.local;

import java.math.BigDecimal;
import java.time.Instant;

/** How an order of {@link UpstreamHistory} is doing as its messages are generated. */
final class OrderFate {
    final String currency;
    final BigDecimal total;
    final BigDecimal price;
    final int quantity;
    String line1;
    String status;
    BigDecimal refunded;

    OrderFate(String currency, BigDecimal total, BigDecimal price, int quantity, String line1) {
        this.currency = currency;
        this.total = total;
        this.price = price;
        this.quantity = quantity;
        this.line1 = line1;
        this.refunded = BigDecimal.ZERO.setScale(UpstreamHistory.digits(currency));
    }

    ExpectedCustomer.ExpectedOrder expected(String orderId, Instant placedAt) {
        return new ExpectedCustomer.ExpectedOrder(orderId, currency, status, total, refunded, line1, placedAt);
    }
}
