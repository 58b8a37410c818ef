package com.customer360.query.customer;

import com.customer360.events.Address;
import com.customer360.query.order.OrderStanding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The first few of a customer's orders in one order — latest placed, earliest placed, longest in transit — kept in
 * the customer document so that its latest shipping address, first and last order times and stuck-in-transit flag
 * follow from a small list instead of from every order.
 *
 * <p>The list always holds the true first {@code size()} qualifying orders (a prefix of the full ranking), at most
 * {@value #CAPACITY}. An order that changes is taken out and put back where it now ranks, if that is within what
 * the list can know: anywhere when the list holds every qualifying order, otherwise only ahead of its last entry.
 * When the list runs empty while qualifying orders remain (say the latest orders were cancelled one by one), it must
 * be {@linkplain #refill refilled} from the order documents.
 */
public final class RankedOrders {

    public static final int CAPACITY = 8;

    /** The three rankings a customer document keeps. */
    public enum Kind {
        /** Counted orders, latest placed first; ties by the higher order id. */
        LATEST_PLACED,
        /** Counted orders, earliest placed first; ties by the lower order id. */
        EARLIEST_PLACED,
        /** Orders in transit, the one without news the longest first. */
        LONGEST_IN_TRANSIT;

        boolean qualifies(OrderStanding order) {
            return this == LONGEST_IN_TRANSIT ? order.inTransitSince() != null : order.counted();
        }

        Instant keyOf(OrderStanding order) {
            return this == LONGEST_IN_TRANSIT ? order.inTransitSince() : order.placedAt();
        }

        Comparator<Entry> order() {
            Comparator<Entry> ascending = Comparator.comparing(Entry::at).thenComparing(Entry::orderId);
            return this == LATEST_PLACED ? ascending.reversed() : ascending;
        }
    }

    /** One ranked order: its key time and what the customer document derives from it. */
    record Entry(String orderId, Instant at, String currency, Address address) {

        static Entry of(Kind kind, OrderStanding order) {
            return new Entry(order.orderId(), kind.keyOf(order), order.currency(), order.shippingAddress());
        }
    }

    final Kind kind;
    private final List<Entry> entries;

    RankedOrders(Kind kind) {
        this(kind, List.of());
    }

    RankedOrders(Kind kind, List<Entry> entries) {
        this.kind = kind;
        this.entries = new ArrayList<>(entries);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    Entry first() {
        return entries.isEmpty() ? null : entries.get(0);
    }

    /**
     * Moves an order from one standing to the next.
     *
     * @param before {@code null} for an order the customer document did not know
     * @param qualifyingBefore how many of the customer's orders qualified before this change
     */
    void change(OrderStanding before, OrderStanding after, long qualifyingBefore) {
        boolean complete = entries.size() == qualifyingBefore;
        Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        boolean listed = entries.removeIf(entry -> entry.orderId().equals(after.orderId()));
        if (!kind.qualifies(after)) {
            return;
        }
        Entry entry = Entry.of(kind, after);
        int againstLast = last == null ? 1 : kind.order().compare(entry, last);
        if (complete || againstLast < 0 || (listed && againstLast <= 0)) {
            insert(entry);
        }
    }

    /** Whether the list ran empty while orders that qualify remain. */
    boolean needsRefill(long qualifying) {
        return entries.isEmpty() && qualifying > 0;
    }

    /** Replaces the list with the first qualifying orders, read from the order documents. */
    void refill(List<OrderStanding> orders) {
        entries.clear();
        orders.stream()
                .filter(kind::qualifies)
                .map(order -> Entry.of(kind, order))
                .sorted(kind.order())
                .limit(CAPACITY)
                .forEach(entries::add);
    }

    private void insert(Entry entry) {
        int at = 0;
        while (at < entries.size() && kind.order().compare(entries.get(at), entry) < 0) {
            at++;
        }
        entries.add(at, entry);
        if (entries.size() > CAPACITY) {
            entries.remove(entries.size() - 1);
        }
    }
}
