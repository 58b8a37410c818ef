package com.customer360.command.order;

import static com.customer360.command.Rejections.rejected;
import static com.customer360.command.order.OrderFixtures.T0;
import static com.customer360.command.order.OrderFixtures.T1;
import static com.customer360.command.order.OrderFixtures.drafted;
import static com.customer360.command.order.OrderFixtures.placed;
import static com.customer360.command.order.OrderFixtures.refund;
import static com.customer360.command.order.OrderFixtures.refunded;
import static com.customer360.command.order.OrderFixtures.shipment;

import com.customer360.command.CommandRejected.Kind;
import com.customer360.command.input.InvalidInput;
import com.customer360.events.order.OrderCancelled;
import com.customer360.events.order.OrderReturned;
import com.customer360.events.order.ShipmentStatus;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Refunds of an {@link Order}: never more than remains unrefunded, in the currency's digits, once per refund id. */
class OrderRefundTest {

    private final FixtureConfiguration<Order> fixture = OrderFixtures.newFixture();

    @Test
    void shouldRefundPartOfAnOrder() {
        fixture.given(placed(T0)).when(refund("r-1", "18.95")).expectEvents(refunded("r-1", "18.95"));
    }

    @Test
    void shouldRefundWhatRemainsAfterAPartialRefund() {
        fixture.given(placed(T0), refunded("r-1", "18.95"))
                .when(refund("r-2", "25"))
                .expectEvents(refunded("r-2", "25.00"));
    }

    @Test
    void cannotRefundMoreThanRemainsUnrefunded() {
        fixture.given(placed(T0), refunded("r-1", "18.95"))
                .when(refund("r-2", "25.01"))
                .expectException(rejected(Kind.RULE_BROKEN, "amount"))
                .expectNoEvents();
    }

    @Test
    void cannotRefundADraft() {
        fixture.given(drafted()).when(refund("r-1", "1.00")).expectException(rejected(Kind.NOT_YET_ALLOWED, "status"));
    }

    @Test
    void cannotRefundACancelledDraft() {
        fixture.given(drafted(), new OrderCancelled("o-1", "c-1", null, T1))
                .when(refund("r-1", "1.00"))
                .expectException(rejected(Kind.RULE_BROKEN, "status"))
                .expectNoEvents();
    }

    @Test
    void shouldRefundACancelledOrderThatWasPlaced() {
        fixture.given(placed(T0), new OrderCancelled("o-1", "c-1", null, T1))
                .when(refund("r-1", "43.95"))
                .expectEvents(refunded("r-1", "43.95"));
    }

    @Test
    void cannotRefundWithMoreDigitsThanTheCurrencyHas() {
        fixture.given(placed(T0)).when(refund("r-1", "1.005")).expectException(InvalidInput.class);
    }

    @Test
    void shouldRefundAReturnedOrder() {
        fixture.given(
                        placed(T0),
                        shipment(ShipmentStatus.IN_TRANSIT, T1),
                        shipment(ShipmentStatus.DELIVERED, T1),
                        new OrderReturned("o-1", "c-1", null, T1))
                .when(refund("r-1", "43.95"))
                .expectEvents(refunded("r-1", "43.95"));
    }

    @Test
    void shouldIgnoreARepeatedRefundWithTheSameRefundId() {
        fixture.given(placed(T0), refunded("r-1", "18.95"))
                .when(refund("r-1", "18.95"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReuseARefundIdForAnotherAmount() {
        fixture.given(placed(T0), refunded("r-1", "18.95"))
                .when(refund("r-1", "5.00"))
                .expectException(rejected(Kind.CONFLICT, "refundId"));
    }
}
