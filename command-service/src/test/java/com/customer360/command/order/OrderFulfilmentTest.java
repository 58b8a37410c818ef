package com.customer360.command.order;

import static com.customer360.command.Rejections.rejected;
import static com.customer360.command.order.OrderFixtures.HOME;
import static com.customer360.command.order.OrderFixtures.OFFICE;
import static com.customer360.command.order.OrderFixtures.T0;
import static com.customer360.command.order.OrderFixtures.T1;
import static com.customer360.command.order.OrderFixtures.T2;
import static com.customer360.command.order.OrderFixtures.drafted;
import static com.customer360.command.order.OrderFixtures.placed;
import static com.customer360.command.order.OrderFixtures.shipment;

import com.customer360.command.CommandRejected.Kind;
import com.customer360.events.order.OrderCancelled;
import com.customer360.events.order.OrderReturned;
import com.customer360.events.order.OrderShippingAddressChanged;
import com.customer360.events.order.ShipmentStatus;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/**
 * An {@link Order} after it exists: cancelled, shipped, delivered, returned, and sent elsewhere, each only from the
 * states that allow it.
 */
class OrderFulfilmentTest {

    private final FixtureConfiguration<Order> fixture = OrderFixtures.newFixture();

    @Test
    void cannotActOnAnOrderThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new CancelOrder("o-1", null, T1))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void shouldCancelADraft() {
        fixture.given(drafted())
                .when(new CancelOrder("o-1", "changed mind", T1))
                .expectEvents(new OrderCancelled("o-1", "c-1", "changed mind", T1));
    }

    @Test
    void shouldCancelAPlacedOrder() {
        fixture.given(placed(T0))
                .when(new CancelOrder("o-1", null, T1))
                .expectEvents(new OrderCancelled("o-1", "c-1", null, T1));
    }

    @Test
    void cannotCancelAnOrderInTransit() {
        fixture.given(placed(T0), shipment(ShipmentStatus.IN_TRANSIT, T1))
                .when(new CancelOrder("o-1", null, T2))
                .expectException(rejected(Kind.RULE_BROKEN, "status"));
    }

    @Test
    void cannotCancelACancelledOrderAgain() {
        fixture.given(placed(T0), new OrderCancelled("o-1", "c-1", null, T1))
                .when(new CancelOrder("o-1", null, T2))
                .expectException(rejected(Kind.RULE_BROKEN, "status"));
    }

    @Test
    void shouldGoInTransitFromPlaced() {
        fixture.given(placed(T0))
                .when(new RecordShipmentUpdate("o-1", ShipmentStatus.IN_TRANSIT, "UPS", "1Z999", "Depot", null, T1))
                .expectEvents(shipment(ShipmentStatus.IN_TRANSIT, T1));
    }

    @Test
    void shouldRecordFurtherProgressWhileInTransit() {
        fixture.given(placed(T0), shipment(ShipmentStatus.IN_TRANSIT, T1))
                .when(new RecordShipmentUpdate("o-1", ShipmentStatus.IN_TRANSIT, "UPS", "1Z999", "Depot", null, T2))
                .expectEvents(shipment(ShipmentStatus.IN_TRANSIT, T2));
    }

    @Test
    void shouldDeliverAnOrderInTransit() {
        fixture.given(placed(T0), shipment(ShipmentStatus.IN_TRANSIT, T1))
                .when(new RecordShipmentUpdate("o-1", ShipmentStatus.DELIVERED, "UPS", "1Z999", "Depot", null, T2))
                .expectEvents(shipment(ShipmentStatus.DELIVERED, T2));
    }

    @Test
    void cannotDeliverAnOrderThatIsNotInTransit() {
        fixture.given(placed(T0))
                .when(new RecordShipmentUpdate("o-1", ShipmentStatus.DELIVERED, null, null, null, null, T1))
                .expectException(rejected(Kind.NOT_YET_ALLOWED, "status"));
    }

    @Test
    void cannotShipADraft() {
        fixture.given(drafted())
                .when(new RecordShipmentUpdate("o-1", ShipmentStatus.IN_TRANSIT, null, null, null, null, T1))
                .expectException(rejected(Kind.NOT_YET_ALLOWED, "status"));
    }

    @Test
    void cannotShipADeliveredOrderAgain() {
        fixture.given(placed(T0), shipment(ShipmentStatus.IN_TRANSIT, T1), shipment(ShipmentStatus.DELIVERED, T1))
                .when(new RecordShipmentUpdate("o-1", ShipmentStatus.IN_TRANSIT, null, null, null, null, T2))
                .expectException(rejected(Kind.RULE_BROKEN, "status"));
    }

    @Test
    void shouldReturnADeliveredOrder() {
        fixture.given(placed(T0), shipment(ShipmentStatus.IN_TRANSIT, T1), shipment(ShipmentStatus.DELIVERED, T1))
                .when(new ReturnOrder("o-1", "too small", T2))
                .expectEvents(new OrderReturned("o-1", "c-1", "too small", T2));
    }

    @Test
    void cannotReturnAnOrderThatWasNotDelivered() {
        fixture.given(placed(T0), shipment(ShipmentStatus.IN_TRANSIT, T1))
                .when(new ReturnOrder("o-1", null, T2))
                .expectException(rejected(Kind.NOT_YET_ALLOWED, "status"));
    }

    @Test
    void cannotEverReturnACancelledOrder() {
        fixture.given(placed(T0), new OrderCancelled("o-1", "c-1", null, T1))
                .when(new ReturnOrder("o-1", null, T2))
                .expectException(rejected(Kind.RULE_BROKEN, "status"));
    }

    @Test
    void shouldChangeTheShippingAddressBeforeTheOrderShips() {
        fixture.given(placed(T0))
                .when(new ChangeShippingAddress("o-1", OFFICE, T1))
                .expectEvents(new OrderShippingAddressChanged("o-1", "c-1", OFFICE, T1));
    }

    @Test
    void shouldIgnoreAnAddressChangeToTheSameAddress() {
        fixture.given(placed(T0))
                .when(new ChangeShippingAddress("o-1", HOME, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotChangeTheAddressOfAnOrderInTransit() {
        fixture.given(placed(T0), shipment(ShipmentStatus.IN_TRANSIT, T1))
                .when(new ChangeShippingAddress("o-1", OFFICE, T2))
                .expectException(rejected(Kind.RULE_BROKEN, "status"));
    }
}
