package com.customer360.local;

import com.customer360.events.Address;
import com.customer360.events.DomainEvent;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderLine;
import com.customer360.events.order.OrderPlaced;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The generated customers of the list's benchmark, the figures the list must show for each, and their events. */
final class CustomerListPopulation {

    private static final Instant FIRST = Instant.parse("2020-01-01T00:00:00Z");
    private static final Address ADDRESS = new Address(null, "1 Main St", null, "Berlin", null, "10115", "DE");
    private static final String[] GIVEN = {
        "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Dennis", "Frances", "Ken",
        "Radia", "Tim", "Katherine", "Linus", "Hedy", "John", "Sophie", "Niklaus", "Annie", "Leslie"
    };
    private static final String[] FAMILY = {
        "Lovelace",
        "Hopper",
        "Turing",
        "Dijkstra",
        "Liskov",
        "Knuth",
        "Hamilton",
        "Ritchie",
        "Allen",
        "Thompson",
        "Perlman",
        "Berners",
        "Johnson",
        "Torvalds",
        "Lamarr",
        "Backus",
        "Wilson",
        "Wirth",
        "Easley",
        "Lamport",
        "Shannon",
        "Neumann",
        "Babbage",
        "Kay",
        "Goldberg",
        "Cerf",
        "Kahn",
        "Stroustrup",
        "Gosling",
        "Rossum",
        "Matsumoto",
        "Hejlsberg",
        "Pike",
        "Kernighan",
        "McCarthy",
        "Minsky",
        "Engelbart",
        "Sutherland",
        "Hoare",
        "Milner",
        "Floyd",
        "Tarjan",
        "Karp",
        "Cook",
        "Rabin",
        "Scott",
        "Codd",
        "Gray",
        "Stonebraker",
        "Bachman"
    };

    /** One generated customer and the figures the list must show for it. */
    record Customer(
            String id,
            String name,
            String email,
            String phone,
            String currency,
            List<BigDecimal> orders,
            Instant lastOrderAt) {

        BigDecimal lifetimeValue() {
            return orders.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    static List<Customer> customers(int size) {
        List<Customer> customers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String given = GIVEN[i % GIVEN.length];
            String family = FAMILY[(i / GIVEN.length) % FAMILY.length];
            int orderCount = i % 10 == 0 ? 3 : 1;
            List<BigDecimal> orders = new ArrayList<>();
            for (int j = 0; j < orderCount; j++) {
                orders.add(BigDecimal.valueOf(500 + Math.floorMod(i * 7_919L + j * 104_729L, 99_500L), 2));
            }
            customers.add(new Customer(
                    "list-c-" + i,
                    given + " " + family,
                    (given + "." + family + "." + i + "@example.com").toLowerCase(Locale.ROOT),
                    String.format("+49 30 %07d", Math.floorMod(i * 7_919L, 10_000_000L)),
                    i % 7 == 0 ? "USD" : "EUR",
                    List.copyOf(orders),
                    placedAt(i, orderCount - 1)));
        }
        return customers;
    }

    static Instant placedAt(int customer, int order) {
        return FIRST.plusSeconds(60L * (customer * 3L + order));
    }

    static List<EventEnvelope> history(List<Customer> customers) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            Customer c = customers.get(i);
            events.add(envelope(new CustomerRegistered(c.id(), c.name(), c.email(), c.phone(), null, FIRST)));
            for (int j = 0; j < c.orders().size(); j++) {
                BigDecimal amount = c.orders().get(j);
                events.add(envelope(new OrderPlaced(
                        c.id() + "-o-" + j,
                        c.id(),
                        "store-" + (i % 5),
                        c.currency(),
                        List.of(new OrderLine("SKU-" + j, "Thing", 1, amount)),
                        amount,
                        ADDRESS,
                        placedAt(i, j))));
            }
        }
        return events;
    }

    static EventEnvelope envelope(DomainEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), "urn:benchmark", FIRST, 0, event);
    }

    private CustomerListPopulation() {}
}
