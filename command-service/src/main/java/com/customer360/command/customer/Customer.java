package com.customer360.command.customer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customer360.command.CommandRejected;
import com.customer360.command.eventstore.AggregateStreams;
import com.customer360.command.idempotency.RequestLog;
import com.customer360.events.customer.CustomerDetailsChanged;
import com.customer360.events.customer.CustomerRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A customer and the contact details we hold for them. */
@Aggregate(cache = "aggregateCache")
class Customer {

    @AggregateIdentifier
    private String streamId;

    private ContactDetails registeredWith;
    private ContactDetails details;

    @AggregateMember
    private final RequestLog requests = new RequestLog();

    protected Customer() {}

    /** Registering the same customer twice with the same details is a retry and changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterCustomer command) {
        if (registeredWith != null) {
            if (!registeredWith.equals(command.details())) {
                throw CommandRejected.conflict(
                        "customerId",
                        "customer '" + command.customerId() + "' is already registered with other details");
            }
            return;
        }
        apply(new CustomerRegistered(
                command.customerId(),
                command.name(),
                command.email(),
                command.phone(),
                command.defaultShippingAddress(),
                command.at()));
    }

    @CommandHandler
    void handle(ChangeCustomerDetails command, MetaData metaData) {
        if (requests.alreadyHandled(metaData)) {
            return;
        }
        ContactDetails changed = details.with(command);
        if (changed.equals(details)) {
            return;
        }
        apply(new CustomerDetailsChanged(
                command.customerId(),
                changed.name(),
                changed.email(),
                changed.phone(),
                changed.defaultShippingAddress(),
                command.at()));
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        streamId = AggregateStreams.customer(event.customerId());
        registeredWith = new ContactDetails(event.name(), event.email(), event.phone(), event.defaultShippingAddress());
        details = registeredWith;
    }

    @EventSourcingHandler
    void on(CustomerDetailsChanged event) {
        details = new ContactDetails(event.name(), event.email(), event.phone(), event.defaultShippingAddress());
    }
}
