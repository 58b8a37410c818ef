package com.customer360.events.customer;

import static java.util.Objects.requireNonNull;

import com.customer360.events.Address;
import com.customer360.events.EventType;
import java.time.Instant;

/**
 * A customer's contact details changed. The event carries the complete details after the change (a {@code null}
 * phone or default address means there is none any more), so a reader never has to merge partial updates.
 */
@EventType(name = "customer.details-changed", revision = 1)
public record CustomerDetailsChanged(
        String customerId, String name, String email, String phone, Address defaultShippingAddress, Instant changedAt)
        implements CustomerEvent {

    public CustomerDetailsChanged {
        requireNonNull(customerId, "customerId");
        requireNonNull(name, "name");
        requireNonNull(email, "email");
        requireNonNull(changedAt, "changedAt");
    }
}
