package com.customer360.events.customer;

import static java.util.Objects.requireNonNull;

import com.customer360.events.Address;
import com.customer360.events.EventType;
import java.time.Instant;

/** A customer became known; {@code phone} and {@code defaultShippingAddress} are optional. */
@EventType(name = "customer.registered", revision = 1)
public record CustomerRegistered(
        String customerId,
        String name,
        String email,
        String phone,
        Address defaultShippingAddress,
        Instant registeredAt)
        implements CustomerEvent {

    public CustomerRegistered {
        requireNonNull(customerId, "customerId");
        requireNonNull(name, "name");
        requireNonNull(email, "email");
        requireNonNull(registeredAt, "registeredAt");
    }
}
