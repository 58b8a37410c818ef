package com.customer360.query.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.Address;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.order.OrderStanding;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rankings against the truth: thousands of random moves of random orders (placed, cancelled, shipped again and
 * again, delivered), and after each one the list must be exactly the first entries of the full ranking, or empty and
 * asking to be refilled.
 */
class RankedOrdersTest {

    private static final long SEED = Long.getLong("customer360.fuzz.seed", 20261201);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldAlwaysHoldTheTrueFirstOrdersOfEveryRanking() {
        for (RankedOrders.Kind kind : RankedOrders.Kind.values()) {
            Random random = new Random(SEED + kind.ordinal());
            RankedOrders ranking = new RankedOrders(kind);
            Map<String, OrderStanding> truth = new HashMap<>();
            int refills = 0;
            for (int step = 0; step < 5_000; step++) {
                // Now and then a spree of the top orders leaving (cancelled, delivered) runs the list dry.
                boolean spree = step % 500 < 3 * RankedOrders.CAPACITY;
                String orderId = (spree || random.nextInt(3) == 0)
                                && !expected(kind, truth).isEmpty()
                        ? expected(kind, truth).get(0).orderId()
                        : "o-" + random.nextInt(20 + step / 10);
                OrderStanding before = truth.get(orderId);
                OrderStanding after =
                        spree && before != null ? leave(kind, before) : move(kind, random, orderId, before, step);
                long qualifyingBefore = qualifying(kind, truth);
                truth.put(orderId, after);
                ranking.change(before, after, qualifyingBefore);

                List<RankedOrders.Entry> expected = expected(kind, truth);
                if (ranking.needsRefill(expected.size())) {
                    ranking.refill(List.copyOf(truth.values()));
                    refills++;
                }
                List<RankedOrders.Entry> held = ranking.entries();
                assertThat(held.size()).isLessThanOrEqualTo(RankedOrders.CAPACITY);
                assertThat(held).as("%s after step %d", kind, step).isEqualTo(expected.subList(0, held.size()));
                assertThat(held.isEmpty()).isEqualTo(expected.isEmpty());
            }
            assertThat(refills).as("the moves ran %s empty now and then", kind).isPositive();
        }
    }

    /**
     * The next standing of an order. For the placed-time rankings orders are placed and some cancelled (the only way
     * out of them); for the transit ranking they ship again and again and are delivered. The order at the top of the
     * ranking is picked often, and new orders keep coming, so the list runs empty now and then.
     */
    private static OrderStanding move(
            RankedOrders.Kind kind, Random random, String orderId, OrderStanding before, int step) {
        Instant now = START.plusSeconds(step * 60L);
        Instant placedAt = before == null || before.placedAt() == null
                ? START.plusSeconds(random.nextInt(100_000) * 60L)
                : before.placedAt();
        boolean transit = kind == RankedOrders.Kind.LONGEST_IN_TRANSIT;
        int dice = random.nextInt(10);
        OrderStatus status;
        if (before == null) {
            status = dice < 2 ? OrderStatus.DRAFT : OrderStatus.PLACED;
        } else {
            status = switch (before.status()) {
                case DRAFT -> dice < 6 ? OrderStatus.PLACED : OrderStatus.CANCELLED;
                case PLACED -> transit ? OrderStatus.IN_TRANSIT : dice < 1 ? OrderStatus.CANCELLED : OrderStatus.PLACED;
                case IN_TRANSIT -> dice < 9 ? OrderStatus.IN_TRANSIT : OrderStatus.DELIVERED;
                case DELIVERED -> dice < 5 ? OrderStatus.RETURNED : OrderStatus.DELIVERED;
                default -> before.status();
            };
        }
        Address address = new Address(null, "Street " + random.nextInt(5), null, "Town", null, "1", "DE");
        return new OrderStanding(
                orderId,
                before == null ? 0 : before.seq() + 1,
                "EUR",
                status,
                BigDecimal.TEN,
                BigDecimal.ZERO,
                status == OrderStatus.DRAFT ? null : placedAt,
                address,
                status == OrderStatus.IN_TRANSIT ? now : null);
    }

    private static OrderStanding leave(RankedOrders.Kind kind, OrderStanding before) {
        OrderStatus status = kind == RankedOrders.Kind.LONGEST_IN_TRANSIT
                ? OrderStatus.DELIVERED
                : before.status() == OrderStatus.PLACED ? OrderStatus.CANCELLED : before.status();
        return new OrderStanding(
                before.orderId(),
                before.seq() + 1,
                before.currency(),
                status,
                before.total(),
                before.refundedTotal(),
                before.placedAt(),
                before.shippingAddress(),
                null);
    }

    private static long qualifying(RankedOrders.Kind kind, Map<String, OrderStanding> truth) {
        return truth.values().stream().filter(kind::qualifies).count();
    }

    private static List<RankedOrders.Entry> expected(RankedOrders.Kind kind, Map<String, OrderStanding> truth) {
        Comparator<RankedOrders.Entry> order = kind.order();
        return truth.values().stream()
                .filter(kind::qualifies)
                .map(standing -> RankedOrders.Entry.of(kind, standing))
                .sorted(order)
                .toList();
    }
}
