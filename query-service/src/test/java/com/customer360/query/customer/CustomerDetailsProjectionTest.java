package com.customer360.query.customer;

import static com.customer360.query.EventHistory.address;
import static com.customer360.query.EventHistory.at;
import static com.customer360.query.customer.CustomerFolds.fold;
import static com.customer360.query.customer.CustomerFolds.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.Address;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.EventHistory;
import com.customer360.query.fold.FoldOutcome;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerDetailsProjectionTest {

    private static final String CUSTOMER = "c-1";
    private static final Address HOME = address("1 Home Road");

    private final EventHistory history = new EventHistory();
    private final CustomerDetailsProjection projection = new CustomerDetailsProjection();

    @Test
    void shouldDateADraftPlacedLaterByItsPlacedTime() {
        CustomerDetails customer = fold(
                history.drafted("o-1", CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.placed("o-2", CUSTOMER, "USD", "20.00", "2026-01-05"),
                history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-09"));

        assertThat(customer.order("o-1").orderDate).isEqualTo(at("2026-01-09"));
        assertThat(customer.lastOrderAt).isEqualTo(at("2026-01-09"));
        assertThat(customer.firstOrderAt).isEqualTo(at("2026-01-05"));
        assertThat(customer.latestShippingAddress).isEqualTo(address("Order Street o-1"));
        assertThat(customer.orders).extracting(row -> row.orderId).containsExactly("o-1", "o-2");
    }

    @Test
    void shouldRecordTheLastShipmentUpdate() {
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.shipped("o-1", CUSTOMER, "2026-01-02T08:30:00Z"));

        assertThat(customer.order("o-1").status).isEqualTo(OrderStatus.IN_TRANSIT);
        assertThat(customer.order("o-1").lastShipmentUpdateAt).isEqualTo(at("2026-01-02T08:30:00Z"));
    }

    @Test
    void shouldKeepContactDetailsOfTheLatestChange() {
        CustomerDetails customer = fold(
                history.registered(CUSTOMER, HOME),
                history.detailsChanged(CUSTOMER, "ada.king@example.com", address("3 Other Road")));

        assertThat(customer.email).isEqualTo("ada.king@example.com");
        assertThat(customer.phone).isNull();
        assertThat(customer.latestShippingAddress).isEqualTo(address("3 Other Road"));
        assertThat(customer.registeredAt).isEqualTo(at("2026-01-01"));
    }

    @Test
    void shouldKeepOrdersThatArriveBeforeTheRegistration() {
        EventEnvelope registered = history.registered(CUSTOMER, HOME);
        CustomerDetails customer = fold(history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-01"), registered);

        assertThat(customer.isRegistered()).isTrue();
        assertThat(summary(customer, "USD").orderCount()).isEqualTo(1);
    }

    @Test
    void cannotApplyAnOrderEventToAnOrderNeverDraftedNorPlaced() {
        CustomerDetails customer = fold(history.registered(CUSTOMER, HOME));

        FoldOutcome outcome = projection.apply(customer, history.cancelled("o-9", CUSTOMER));

        assertThat(outcome).isEqualTo(FoldOutcome.ORDER_UNKNOWN);
        assertThat(customer.orders).isEmpty();
    }

    @Test
    void cannotApplyARefundInAnotherCurrencyThanTheOrders() {
        CustomerDetails customer = fold(history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-01"));

        FoldOutcome outcome = projection.apply(customer, history.refunded("o-1", CUSTOMER, "EUR", "1.00"));

        assertThat(outcome).isEqualTo(FoldOutcome.CURRENCY_MISMATCH);
        assertThat(customer.order("o-1").refundedTotal).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void shouldLeaveTheDocumentIdenticalWhenEveryEventIsDeliveredTwice() {
        List<EventEnvelope> events = DesignScenario.events(history, CUSTOMER);
        CustomerDetails once = fold(events);

        CustomerDetails twice = fold(events);
        List<FoldOutcome> outcomes = projection.apply(twice, events);

        assertThat(outcomes).containsOnly(FoldOutcome.ALREADY_APPLIED);
        assertThat(twice).usingRecursiveComparison().isEqualTo(once);
    }

    @Test
    void shouldLeaveTheDocumentIdenticalWhenAnOldPrefixIsReplayedAfterNewerEvents() {
        List<EventEnvelope> events = DesignScenario.events(history, CUSTOMER);
        CustomerDetails once = fold(events);

        CustomerDetails replayed = fold(events);
        projection.apply(replayed, events.subList(0, events.size() / 2));

        assertThat(replayed).usingRecursiveComparison().isEqualTo(once);
    }

    @Test
    void cannotChangeContactDetailsWithAnOlderEvent() {
        EventEnvelope registered = history.registered(CUSTOMER, HOME);
        EventEnvelope changed = history.detailsChanged(CUSTOMER, "new@example.com", HOME);
        CustomerDetails customer = fold(registered, changed);

        FoldOutcome outcome = projection.apply(customer, registered);

        assertThat(outcome).isEqualTo(FoldOutcome.ALREADY_APPLIED);
        assertThat(customer.email).isEqualTo("new@example.com");
    }
}
