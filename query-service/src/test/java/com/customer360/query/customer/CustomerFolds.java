package com.customer360.query.customer;

import com.customer360.events.cloudevents.EventEnvelope;
import java.util.List;

/** Folds events into a fresh customer document with the real projection, as the rule tests need it. */
final class CustomerFolds {

    private static final CustomerDetailsProjection PROJECTION = new CustomerDetailsProjection();

    private CustomerFolds() {}

    /** The document of the first event's customer after all the events. */
    static CustomerDetails fold(EventEnvelope... events) {
        return fold(List.of(events));
    }

    static CustomerDetails fold(List<EventEnvelope> events) {
        CustomerDetails customer = PROJECTION.newDocument(events.get(0).event().customerId());
        PROJECTION.apply(customer, events);
        return customer;
    }

    static CurrencySummary summary(CustomerDetails customer, String currency) {
        return customer.summaries.stream()
                .filter(summary -> summary.currency().equals(currency))
                .findFirst()
                .orElseThrow();
    }
}
