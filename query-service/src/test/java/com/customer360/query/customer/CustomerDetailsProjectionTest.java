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

        assertThat(customer.lastOrderAt).isEqualTo(at("2026-01-09"));
        assertThat(customer.firstOrderAt).isEqualTo(at("2026-01-05"));
        assertThat(customer.latestShippingAddress).isEqualTo(address("Order Street o-1"));
        assertThat(customer.countOf(OrderStatus.DRAFT)).isZero();
    }

    @Test
    void shouldKnowSinceWhenItsOrderIsInTransit() {
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.shipped("o-1", CUSTOMER, "2026-01-02T08:30:00Z"),
                history.shipped("o-1", CUSTOMER, "2026-01-03T09:00:00Z"));

        assertThat(customer.countOf(OrderStatus.IN_TRANSIT)).isEqualTo(1);
        assertThat(customer.inTransitSince).isEqualTo(at("2026-01-03T09:00:00Z"));
    }

    @Test
    void shouldForgetTheTransitOnceDelivered() {
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.shipped("o-1", CUSTOMER, "2026-01-02"),
                history.delivered("o-1", CUSTOMER, "2026-01-04"));

        assertThat(customer.countOf(OrderStatus.IN_TRANSIT)).isZero();
        assertThat(customer.inTransitSince).isNull();
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
    void cannotApplyACustomerEventPastAGapInTheCustomersHistory() {
        CustomerDetails customer = fold(history.registered(CUSTOMER, HOME));
        history.skip(CUSTOMER);

        FoldOutcome outcome = projection.apply(customer, history.detailsChanged(CUSTOMER, "x@example.com", HOME));

        assertThat(outcome).isEqualTo(FoldOutcome.SEQUENCE_GAP);
        assertThat(customer.email).isEqualTo("ada@example.com");
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

    @Test
    void shouldLeaveTheDocumentsIdenticalWhenEveryEventIsDeliveredTwice() {
        List<EventEnvelope> events = DesignScenario.events(history, CUSTOMER);
        CustomerFolds.Store once = new CustomerFolds.Store();
        once.project(events);

        CustomerFolds.Store twice = new CustomerFolds.Store();
        twice.project(events);
        List<CustomerFold.Folded> again = twice.project(events);

        assertThat(again.get(0).failures).isEmpty();
        assertThat(again.get(0).customerChanged).isFalse();
        assertThat(again.get(0).changedOrders).isEmpty();
        assertThat(twice.content()).isEqualTo(once.content());
    }

    @Test
    void shouldLeaveTheDocumentsIdenticalWhenAnOldPrefixIsReplayedAfterNewerEvents() {
        List<EventEnvelope> events = DesignScenario.events(history, CUSTOMER);
        CustomerFolds.Store once = new CustomerFolds.Store();
        once.project(events);

        CustomerFolds.Store replayed = new CustomerFolds.Store();
        replayed.project(events);
        replayed.project(events.subList(0, events.size() / 2));

        assertThat(replayed.content()).isEqualTo(once.content());
    }

    @Test
    void shouldNotCountAnOrderTwiceWhenTheBatchIsRetriedAfterACrashBetweenTheTwoWrites() {
        List<EventEnvelope> events = DesignScenario.events(history, CUSTOMER);
        CustomerFolds.Store clean = new CustomerFolds.Store();
        clean.project(events);

        CustomerFolds.Store crashed = new CustomerFolds.Store();
        crashed.project(events, true, false);
        crashed.project(events);

        assertThat(crashed.content()).isEqualTo(clean.content());
        assertThat(crashed.customer(CUSTOMER).pending()).isNotEmpty();
        assertThat(summary(crashed.customer(CUSTOMER), "USD").lifetimeValue()).isEqualTo(new BigDecimal("50.05"));
    }
}
