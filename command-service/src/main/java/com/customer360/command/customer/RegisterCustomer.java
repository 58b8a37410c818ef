package com.customer360.command.customer;

import com.customer360.command.eventstore.AggregateStreams;
import com.customer360.events.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record RegisterCustomer(
        String customerId, String name, String email, String phone, Address defaultShippingAddress, Instant at) {

    @TargetAggregateIdentifier
    String streamId() {
        return AggregateStreams.customer(customerId);
    }

    ContactDetails details() {
        return new ContactDetails(name, email, phone, defaultShippingAddress);
    }
}
