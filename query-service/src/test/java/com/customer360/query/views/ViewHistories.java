package com.customer360.query.views;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Customer histories for the rebuild tests: orders in two currencies, shipments, cancellations and refunds. */
final class ViewHistories {

    private final EventHistory history = new EventHistory();
    private final String run;

    ViewHistories(String run) {
        this.run = run;
    }

    static String customer(String run, int i) {
        return "c-" + run + "-" + i;
    }

    /**
     * Customer {@code i}'s registration and orders {@code from} to {@code to} (exclusive); every third order is
     * refunded (the refund is that order's last event), every fifth cancelled, the others shipped.
     */
    List<EventEnvelope> customer(int i, int from, int to, boolean register) {
        String customerId = customer(run, i);
        List<EventEnvelope> events = new ArrayList<>();
        if (register) {
            events.add(history.registered(customerId, "Customer " + i, "c" + i + "@example.com", null));
        }
        for (int n = from; n < to; n++) {
            String orderId = "o-" + run + "-" + i + "-" + n;
            String currency = n % 2 == 0 ? "EUR" : "USD";
            events.add(history.placed(orderId, customerId, currency, (10 + n) + ".50", "2026-02-" + (10 + n % 15)));
            if (n % 5 == 4) {
                events.add(history.cancelled(orderId, customerId));
            } else if (n % 3 == 2) {
                events.add(history.refunded(orderId, customerId, currency, "2.25"));
            } else {
                events.add(history.shipped(orderId, customerId, "2026-03-0" + (1 + n % 8)));
            }
        }
        return events;
    }

    /** A refund of customer {@code i}'s order {@code n}, after the events above. */
    EventEnvelope refund(int i, int n, String currency, String amount) {
        return history.refunded("o-" + run + "-" + i + "-" + n, customer(run, i), currency, amount);
    }

    /** The events as recorded at another moment. */
    static List<EventEnvelope> recordedAt(List<EventEnvelope> events, Instant at) {
        return events.stream()
                .map(event ->
                        new EventEnvelope(event.id(), event.source(), at, event.aggregateSequence(), event.event()))
                .toList();
    }
}
