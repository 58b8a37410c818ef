package com.customer360.command.customer;

import com.customer360.command.eventstore.AggregateStreams;
import com.customer360.events.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partial change: a {@code null} field is left as it is; a {@link Change} with a null value clears it. */
record ChangeCustomerDetails(
        String customerId,
        Change<String> name,
        Change<String> email,
        Change<String> phone,
        Change<Address> defaultShippingAddress,
        Instant at) {

    /** A new value for one field, possibly none. */
    record Change<T>(T value) {}

    @TargetAggregateIdentifier
    String streamId() {
        return AggregateStreams.customer(customerId);
    }
}
