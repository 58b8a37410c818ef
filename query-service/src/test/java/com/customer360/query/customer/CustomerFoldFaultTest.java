package com.customer360.query.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.Address;
import com.customer360.events.Money;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.EventHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once effects of the customer fold under the faults a consumer meets: customers with up to a few dozen
 * orders going through every lifecycle (placed out of order, drafts placed late, addresses changed, shipped over and
 * over, the latest orders cancelled one after the other), delivered in random batches, with crashes between the
 * customer and the order writes after which a shorter, equal or longer batch comes again, the caught-up positions
 * forgotten after some batches and not others, and old batches replayed.
 * Every run must end with the documents of a clean run and with the figures worked out independently from the events.
 */
class CustomerFoldFaultTest {

    private static final long SEED = Long.getLong("customer360.fuzz.seed", 20261201);
    private static final int HISTORIES = 60;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void shouldEndAsACleanRunWhateverTheBatchesCrashesAndReplays() {
        Random random = new Random(SEED);
        int crashes = 0;
        for (int h = 0; h < HISTORIES; h++) {
            String customer = "c-" + h;
            Generated generated = generate(random, customer);
            CustomerFolds.Store clean = new CustomerFolds.Store();
            clean.project(generated.events);

            CustomerFolds.Store faulty = new CustomerFolds.Store();
            crashes += deliverWithFaults(random, faulty, generated.events);

            assertThat(faulty.content()).as("history %d", h).isEqualTo(clean.content());
            assertFigures(faulty.customer(customer), generated.expected(), h);
        }
        assertThat(crashes).isGreaterThan(HISTORIES);
    }

    private static int deliverWithFaults(Random random, CustomerFolds.Store store, List<EventEnvelope> events) {
        int crashes = 0;
        int at = 0;
        while (at < events.size()) {
            int size = 1 + random.nextInt(Math.min(60, events.size() - at));
            List<EventEnvelope> batch = events.subList(at, at + size);
            if (random.nextInt(4) == 0 && crashes < 20) {
                // the customer documents were written, the order documents not, the offsets not committed
                store.project(batch, true, false);
                crashes++;
                continue;
            }
            List<CustomerFold.Folded> written = store.project(batch);
            written.forEach(folded -> assertThat(folded.failures).isEmpty());
            if (random.nextBoolean()) {
                // the customer documents forget the positions the order writes caught up with (else a crash came
                // before they could)
                store.forgetCaughtUp(written);
            }
            if (random.nextInt(6) == 0) {
                int from = random.nextInt(at + size);
                store.project(events.subList(from, Math.min(at + size, from + 1 + random.nextInt(40))));
            }
            at += size;
        }
        return crashes;
    }

    private static void assertFigures(CustomerDetails customer, Expected expected, int history) {
        Map<String, CustomerFolds.CurrencySummary> shown = new TreeMap<>();
        CustomerFolds.summaries(customer).forEach(summary -> shown.put(summary.currency(), summary));
        assertThat(shown).as("figures of history %d", history).isEqualTo(expected.figures);
        assertThat(customer.latestShippingAddress)
                .as("latest address of history %d", history)
                .isEqualTo(expected.latestAddress);
        assertThat(customer.lastOrderAt).isEqualTo(expected.lastOrderAt);
        assertThat(customer.firstOrderAt).isEqualTo(expected.firstOrderAt);
        assertThat(customer.inTransitSince).isEqualTo(expected.inTransitSince);
        assertThat(customer.orderCount()).isEqualTo(expected.orders);
        assertThat(customer.countOf(OrderStatus.DRAFT)).isEqualTo(expected.drafts);
    }

    // --- generating histories, and working out their figures on the side ---

    private record Generated(List<EventEnvelope> events, List<Order> orders, Address home) {
        Expected expected() {
            return Expected.of(orders, home);
        }
    }

    /** One order as the test follows it, independently of the projections. */
    private static final class Order {
        final String id;
        final String currency;
        final BigDecimal total;
        OrderStatus status;
        Instant placedAt;
        Address address;
        BigDecimal refunded;
        Instant lastUpdate;

        Order(String id, String currency, BigDecimal total, Address address) {
            this.id = id;
            this.currency = currency;
            this.total = total;
            this.address = address;
            this.refunded = Money.zero(currency);
        }

        boolean counted() {
            return status != OrderStatus.DRAFT && status != OrderStatus.CANCELLED;
        }
    }

    private record Expected(
            Map<String, CustomerFolds.CurrencySummary> figures,
            Address latestAddress,
            Instant firstOrderAt,
            Instant lastOrderAt,
            Instant inTransitSince,
            long orders,
            long drafts) {

        static Expected of(List<Order> orders, Address home) {
            Map<String, CustomerFolds.CurrencySummary> figures = new TreeMap<>();
            for (String currency :
                    orders.stream().map(o -> o.currency).distinct().toList()) {
                List<Order> counted = orders.stream()
                        .filter(o -> o.currency.equals(currency) && o.counted())
                        .toList();
                BigDecimal clv = counted.stream()
                        .map(o -> o.total.subtract(o.refunded))
                        .reduce(Money.zero(currency), BigDecimal::add);
                BigDecimal refunded =
                        counted.stream().map(o -> o.refunded).reduce(Money.zero(currency), BigDecimal::add);
                figures.put(
                        currency,
                        new CustomerFolds.CurrencySummary(
                                currency, counted.size(), clv, Money.average(clv, counted.size(), currency), refunded));
            }
            Comparator<Order> byPlaced =
                    Comparator.comparing((Order o) -> o.placedAt).thenComparing(o -> o.id);
            Order latest = orders.stream().filter(Order::counted).max(byPlaced).orElse(null);
            Order first = orders.stream().filter(Order::counted).min(byPlaced).orElse(null);
            Order waiting = orders.stream()
                    .filter(o -> o.status == OrderStatus.IN_TRANSIT)
                    .min(Comparator.comparing((Order o) -> o.lastUpdate).thenComparing(o -> o.id))
                    .orElse(null);
            return new Expected(
                    figures,
                    latest == null ? home : latest.address,
                    first == null ? null : first.placedAt,
                    latest == null ? null : latest.placedAt,
                    waiting == null ? null : waiting.lastUpdate,
                    orders.size(),
                    orders.stream().filter(o -> o.status == OrderStatus.DRAFT).count());
        }
    }

    private static Generated generate(Random random, String customer) {
        EventHistory history = new EventHistory();
        Address home = random.nextBoolean() ? EventHistory.address("1 Home Road " + customer) : null;
        List<List<EventEnvelope>> streams = new ArrayList<>();
        List<EventEnvelope> own = new ArrayList<>();
        own.add(history.registered(customer, home));
        streams.add(own);
        List<Order> orders = new ArrayList<>();
        int count = 1 + random.nextInt(30);
        for (int i = 0; i < count; i++) {
            String currency = List.of("EUR", "USD", "JPY").get(random.nextInt(3));
            String total = currency.equals("JPY")
                    ? "" + (100 + random.nextInt(9000))
                    : (1 + random.nextInt(300)) + "." + (10 + random.nextInt(90));
            String orderId = customer + "-o-" + i;
            Instant placedAt = START.plusSeconds(3600L * random.nextInt(20_000));
            Order order = new Order(orderId, currency, new BigDecimal(total), null);
            orders.add(order);
            streams.add(lifecycle(random, history, customer, order, placedAt));
        }
        // each aggregate's events in order, the aggregates interleaved at random
        List<EventEnvelope> events = new ArrayList<>();
        while (!streams.isEmpty()) {
            int pick = random.nextInt(streams.size());
            events.add(streams.get(pick).remove(0));
            if (streams.get(pick).isEmpty()) {
                streams.remove(pick);
            }
        }
        return new Generated(events, orders, home);
    }

    private static List<EventEnvelope> lifecycle(
            Random random, EventHistory history, String customer, Order order, Instant placedAt) {
        List<EventEnvelope> events = new ArrayList<>();
        String total = order.total.toPlainString();
        boolean draft = random.nextInt(4) == 0;
        if (draft) {
            events.add(history.drafted(
                    order.id,
                    customer,
                    order.currency,
                    total,
                    placedAt.minusSeconds(600).toString()));
            order.status = OrderStatus.DRAFT;
            order.address = EventHistory.address("Draft Street " + order.id);
            if (random.nextInt(3) == 0) {
                order.address = changeAddress(random, history, customer, order, events);
            }
            int fate = random.nextInt(3);
            if (fate == 0) {
                return events;
            }
            if (fate == 1) {
                events.add(history.cancelled(order.id, customer));
                order.status = OrderStatus.CANCELLED;
                return events;
            }
        }
        order.address = EventHistory.address("Order Street " + order.id);
        events.add(history.placed(order.id, customer, order.currency, total, placedAt.toString(), order.address));
        order.status = OrderStatus.PLACED;
        order.placedAt = placedAt;
        if (random.nextInt(3) == 0) {
            order.address = changeAddress(random, history, customer, order, events);
        }
        if (random.nextInt(4) == 0) {
            events.add(history.cancelled(order.id, customer));
            order.status = OrderStatus.CANCELLED;
            return refunds(random, history, customer, order, events);
        }
        int shipments = random.nextInt(4);
        for (int s = 0; s < shipments; s++) {
            Instant at = placedAt.plusSeconds(3600L * (s + 1));
            events.add(history.shipped(order.id, customer, at.toString()));
            order.status = OrderStatus.IN_TRANSIT;
            order.lastUpdate = at;
        }
        if (shipments > 0 && random.nextBoolean()) {
            events.add(history.delivered(
                    order.id, customer, placedAt.plusSeconds(3600L * 9).toString()));
            order.status = OrderStatus.DELIVERED;
            if (random.nextInt(3) == 0) {
                events.add(history.returned(order.id, customer));
                order.status = OrderStatus.RETURNED;
            }
        }
        return refunds(random, history, customer, order, events);
    }

    private static Address changeAddress(
            Random random, EventHistory history, String customer, Order order, List<EventEnvelope> events) {
        Address address = EventHistory.address(random.nextInt(99) + " Moved Street " + order.id);
        events.add(history.addressChanged(order.id, customer, address));
        return address;
    }

    private static List<EventEnvelope> refunds(
            Random random, EventHistory history, String customer, Order order, List<EventEnvelope> events) {
        if (random.nextInt(3) == 0) {
            BigDecimal amount = Money.exact(
                    order.total.divide(
                            BigDecimal.valueOf(2), Money.minorDigits(order.currency), java.math.RoundingMode.DOWN),
                    order.currency);
            if (amount.signum() > 0) {
                events.add(history.refunded(order.id, customer, order.currency, amount.toPlainString()));
                order.refunded = order.refunded.add(amount);
            }
        }
        return events;
    }
}
