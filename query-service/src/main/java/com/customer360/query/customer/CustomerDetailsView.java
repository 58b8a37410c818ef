package com.customer360.query.customer;

import com.customer360.events.Address;
import com.customer360.events.Money;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.order.StuckInTransit;
import com.customer360.query.web.MaskedAddresses;
import com.customer360.security.ContactMasking;
import java.time.Instant;
import java.util.List;

/**
 * The customer details page's JSON: contact details, the latest shipping address and the figures per currency;
 * {@code orderCount} counts every order (drafts and cancelled ones too), the summaries only counted ones.
 */
public record CustomerDetailsView(
        String customerId,
        String name,
        String email,
        String phone,
        Address defaultShippingAddress,
        Address latestShippingAddress,
        List<Summary> summaries,
        Instant firstOrderAt,
        Instant lastOrderAt,
        long orderCount,
        boolean hasDraft,
        boolean stuckInTransit) {

    public static CustomerDetailsView of(CustomerDetails customer, StuckInTransit stuck, ContactMasking masking) {
        return new CustomerDetailsView(
                customer.customerId,
                customer.name,
                masking.email(customer.email),
                masking.phone(customer.phone),
                MaskedAddresses.of(customer.defaultShippingAddress, masking),
                MaskedAddresses.of(customer.latestShippingAddress, masking),
                customer.figures.values().stream().map(Summary::of).toList(),
                customer.firstOrderAt,
                customer.lastOrderAt,
                customer.orderCount(),
                customer.countOf(OrderStatus.DRAFT) > 0,
                stuck.isStuck(customer.inTransitSince));
    }

    /** The figures in one currency, amounts as strings with the currency's digits. */
    public record Summary(
            String currency, long orderCount, String lifetimeValue, String averageOrderValue, String refundedTotal) {

        static Summary of(CurrencyFigures figures) {
            String currency = figures.currency;
            return new Summary(
                    currency,
                    figures.counted,
                    Money.format(figures.lifetimeValue, currency),
                    Money.format(figures.averageOrderValue(), currency),
                    Money.format(figures.refundedTotal, currency));
        }
    }
}
