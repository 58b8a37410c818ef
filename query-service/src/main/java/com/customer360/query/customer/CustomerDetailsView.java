package com.customer360.query.customer;

import com.customer360.events.Address;
import com.customer360.events.Money;
import java.time.Instant;
import java.util.List;

/** The customer details page's JSON: contact details, the latest shipping address and the figures per currency. */
record CustomerDetailsView(
        String customerId,
        String name,
        String email,
        String phone,
        Address defaultShippingAddress,
        Address latestShippingAddress,
        List<Summary> summaries,
        Instant firstOrderAt,
        Instant lastOrderAt) {

    static CustomerDetailsView of(CustomerDetails customer) {
        return new CustomerDetailsView(
                customer.customerId,
                customer.name,
                customer.email,
                customer.phone,
                customer.defaultShippingAddress,
                customer.latestShippingAddress,
                customer.summaries.stream().map(Summary::of).toList(),
                customer.firstOrderAt,
                customer.lastOrderAt);
    }

    /** The figures in one currency, amounts as strings with the currency's digits. */
    record Summary(
            String currency, int orderCount, String lifetimeValue, String averageOrderValue, String refundedTotal) {

        static Summary of(CurrencySummary summary) {
            String currency = summary.currency();
            return new Summary(
                    currency,
                    summary.orderCount(),
                    Money.format(summary.lifetimeValue(), currency),
                    Money.format(summary.averageOrderValue(), currency),
                    Money.format(summary.refundedTotal(), currency));
        }
    }
}
