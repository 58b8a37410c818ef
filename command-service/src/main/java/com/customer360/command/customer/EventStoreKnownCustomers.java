package com.customer360.command.customer;

import com.customer360.command.eventstore.AggregateStreams;
import com.customer360.command.eventstore.EventStreams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Asks the event store whether a customer's stream exists. Customers are never removed, so a positive answer is
 * remembered (up to a bound) and the store is asked again only about customers not seen before.
 */
@Component
class EventStoreKnownCustomers implements KnownCustomers {

    private static final int REMEMBERED = 100_000;

    private final EventStreams streams;
    private final Set<String> known = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));

    EventStoreKnownCustomers(EventStreams streams) {
        this.streams = streams;
    }

    @Override
    public boolean isKnown(String customerId) {
        if (known.contains(customerId)) {
            return true;
        }
        boolean exists = streams.exists(AggregateStreams.customer(customerId));
        if (exists) {
            known.add(customerId);
        }
        return exists;
    }
}
