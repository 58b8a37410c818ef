package com.customer360.command.customer;

import com.customer360.command.eventstore.AggregateStreams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Asks the event store whether a customer's stream exists. Customers are never removed, so a positive answer is
 * remembered (up to a bound) and the store is asked again only about customers not seen before.
 */
@Component
class EventStoreKnownCustomers implements KnownCustomers {

    private static final int REMEMBERED = 100_000;

    private final EventStore eventStore;
    private final Set<String> known = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));

    EventStoreKnownCustomers(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean isKnown(String customerId) {
        if (known.contains(customerId)) {
            return true;
        }
        boolean exists = eventStore
                .lastSequenceNumberFor(AggregateStreams.customer(customerId))
                .isPresent();
        if (exists) {
            known.add(customerId);
        }
        return exists;
    }
}
