package com.customer360.query.customer;

import java.math.BigDecimal;

/** The figures of one customer in one currency; figures are never summed across currencies. */
record CurrencySummary(
        String currency,
        int orderCount,
        BigDecimal lifetimeValue,
        BigDecimal averageOrderValue,
        BigDecimal refundedTotal) {}
