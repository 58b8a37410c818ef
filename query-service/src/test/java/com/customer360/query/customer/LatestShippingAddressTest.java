package com.customer360.query.customer;

import static com.customer360.query.EventHistory.address;
import static com.customer360.query.customer.CustomerFolds.fold;
import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.Address;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import org.junit.jupiter.api.Test;

/** The latest shipping address: the counted order placed last, else the default address. */
class LatestShippingAddressTest {

    private static final String CUSTOMER = "c-1";
    private static final Address HOME = address("1 Home Road");

    private final EventHistory history = new EventHistory();

    @Test
    void shouldTakeTheLatestAddressByPlacedTimeNotByArrival() {
        EventEnvelope placedLater = history.placed("o-2", CUSTOMER, "USD", "20.00", "2026-02-01");
        EventEnvelope placedEarlierArrivingLater = history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-01");

        CustomerDetails customer = fold(placedLater, placedEarlierArrivingLater);

        assertThat(customer.latestShippingAddress).isEqualTo(address("Order Street o-2"));
    }

    @Test
    void shouldFollowAnAddressChangeOfTheLatestOrder() {
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.placed("o-2", CUSTOMER, "USD", "20.00", "2026-02-01"),
                history.addressChanged("o-2", CUSTOMER, address("2 New Street")));

        assertThat(customer.latestShippingAddress).isEqualTo(address("2 New Street"));
    }

    @Test
    void shouldFallBackToThePreviousCountedOrderWhenTheLatestIsCancelled() {
        CustomerDetails customer = fold(
                history.registered(CUSTOMER, HOME),
                history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.placed("o-2", CUSTOMER, "USD", "20.00", "2026-02-01"),
                history.cancelled("o-2", CUSTOMER));

        assertThat(customer.latestShippingAddress).isEqualTo(address("Order Street o-1"));
    }

    @Test
    void shouldFallBackToTheDefaultAddressWhenNoCountedOrderIsLeft() {
        CustomerDetails customer = fold(
                history.registered(CUSTOMER, HOME),
                history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.cancelled("o-1", CUSTOMER));

        assertThat(customer.latestShippingAddress).isEqualTo(HOME);
    }

    @Test
    void shouldUseTheDefaultAddressBeforeAnyOrder() {
        CustomerDetails customer = fold(history.registered(CUSTOMER, HOME));

        assertThat(customer.latestShippingAddress).isEqualTo(HOME);
        assertThat(customer.figures).isEmpty();
    }
}
