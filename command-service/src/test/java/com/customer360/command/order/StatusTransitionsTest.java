package com.customer360.command.order;

import static com.customer360.events.order.OrderStatus.CANCELLED;
import static com.customer360.events.order.OrderStatus.DELIVERED;
import static com.customer360.events.order.OrderStatus.DRAFT;
import static com.customer360.events.order.OrderStatus.IN_TRANSIT;
import static com.customer360.events.order.OrderStatus.PLACED;
import static com.customer360.events.order.OrderStatus.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.order.OrderStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order lifecycle as docs/domain-rules.md states it, and which refused transitions may still become allowed. */
class StatusTransitionsTest {

    @Test
    void shouldAllowExactlyTheTransitionsOfTheLifecycle() {
        List<String> allowed = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                if (StatusTransitions.allowed(from, to)) {
                    allowed.add(from + "->" + to);
                }
            }
        }

        assertThat(allowed)
                .containsExactlyInAnyOrder(
                        "DRAFT->PLACED",
                        "DRAFT->CANCELLED",
                        "PLACED->IN_TRANSIT",
                        "PLACED->CANCELLED",
                        "IN_TRANSIT->IN_TRANSIT",
                        "IN_TRANSIT->DELIVERED",
                        "DELIVERED->RETURNED");
    }

    @Test
    void shouldAllowLaterWhatAnEarlierFactMayStillEnable() {
        assertThat(StatusTransitions.allowedLater(DRAFT, IN_TRANSIT)).isTrue();
        assertThat(StatusTransitions.allowedLater(PLACED, DELIVERED)).isTrue();
        assertThat(StatusTransitions.allowedLater(PLACED, RETURNED)).isTrue();
        assertThat(StatusTransitions.allowedLater(IN_TRANSIT, RETURNED)).isTrue();
        assertThat(StatusTransitions.allowedLater(DRAFT, RETURNED)).isTrue();
    }

    @Test
    void cannotAllowLaterWhatTheLifecycleHasLeftBehind() {
        assertThat(StatusTransitions.allowedLater(PLACED, PLACED)).isFalse();
        assertThat(StatusTransitions.allowedLater(IN_TRANSIT, CANCELLED)).isFalse();
        assertThat(StatusTransitions.allowedLater(DELIVERED, IN_TRANSIT)).isFalse();
        assertThat(StatusTransitions.allowedLater(RETURNED, RETURNED)).isFalse();
        for (OrderStatus to : OrderStatus.values()) {
            assertThat(StatusTransitions.allowedLater(CANCELLED, to))
                    .as(to.name())
                    .isFalse();
        }
    }

    @Test
    void shouldKnowTheStatusesBeforeShipping() {
        EnumSet<OrderStatus> before = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            if (StatusTransitions.beforeShipping(status)) {
                before.add(status);
            }
        }

        assertThat(before).containsExactlyInAnyOrder(DRAFT, PLACED);
    }
}
