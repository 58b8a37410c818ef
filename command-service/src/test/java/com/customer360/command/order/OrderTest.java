package com.customer360.command.order;

import static com.customer360.command.Rejections.rejected;

import com.customer360.command.CommandRejected.Kind;
import com.customer360.command.customer.KnownCustomers;
import com.customer360.command.idempotency.RequestMetaData;
import com.customer360.command.input.InvalidInput;
import com.customer360.events.Address;
import com.customer360.events.order.OrderCancelled;
import com.customer360.events.order.OrderDrafted;
import com.customer360.events.order.OrderLine;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.events.order.OrderReturned;
import com.customer360.events.order.OrderShippingAddressChanged;
import com.customer360.events.order.ShipmentStatus;
import com.customer360.events.order.ShipmentUpdated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-03T10:00:00Z");
    private static final Address HOME = new Address("Ada", "1 Main St", null, "Springfield", null, "12345", "US");
    private static final Address OFFICE =
            new Address("Ada", "9 Work Rd", "Suite 4", "Shelbyville", null, "54321", "US");
    private static final List<OrderLine> LINES = List.of(
            new OrderLine("TEA", "Tea", 2, new BigDecimal("12.50")),
            new OrderLine("MUG", "Mug", 1, new BigDecimal("18.95")));
    private static final BigDecimal TOTAL = new BigDecimal("43.95");

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource((KnownCustomers) customerId -> customerId.equals("c-1"));
    }

    private static CreateOrder create(boolean draft, BigDecimal total, Instant placedAt) {
        return new CreateOrder("o-1", "c-1", "s-1", "USD", LINES, total, HOME, placedAt, draft, T0);
    }

    private static OrderPlaced placed(Instant at) {
        return new OrderPlaced("o-1", "c-1", "s-1", "USD", LINES, TOTAL, HOME, at);
    }

    private static OrderDrafted drafted() {
        return new OrderDrafted("o-1", "c-1", "s-1", "USD", LINES, TOTAL, HOME, T0);
    }

    private static ShipmentUpdated shipment(ShipmentStatus status, Instant at) {
        return new ShipmentUpdated("o-1", "c-1", status, "UPS", "1Z999", "Depot", null, at);
    }

    private static OrderRefunded refunded(String refundId, String amount) {
        return new OrderRefunded("o-1", "c-1", refundId, new BigDecimal(amount), "USD", null, T2);
    }

    private static RefundOrder refund(String refundId, String amount) {
        return new RefundOrder("o-1", refundId, new BigDecimal(amount), null, T2);
    }

    @Test
    void shouldPlaceANewOrderWithTheSumOfItsLinesAsTotal() {
        fixture.givenNoPriorActivity().when(create(false, null, null)).expectEvents(placed(T0));
    }

    @Test
    void shouldAcceptATotalThatEqualsTheSumOfTheLines() {
        fixture.givenNoPriorActivity()
                .when(create(false, new BigDecimal("43.950"), null))
                .expectEvents(placed(T0));
    }

    @Test
    void shouldUseTheCallersPlacedTimeForAnOrderPlacedBeforeItReachedUs() {
        Instant earlier = Instant.parse("2025-06-01T08:00:00Z");
        fixture.givenNoPriorActivity().when(create(false, null, earlier)).expectEvents(placed(earlier));
    }

    @Test
    void shouldDraftAnOrderThatIsNotYetPlaced() {
        fixture.givenNoPriorActivity().when(create(true, null, null)).expectEvents(drafted());
    }

    @Test
    void cannotCreateAnOrderForAnUnknownCustomer() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrder("o-1", "c-404", "s-1", "USD", LINES, null, HOME, null, false, T0))
                .expectException(rejected(Kind.UNKNOWN_CUSTOMER, "customerId"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateAnOrderWhoseTotalDisagreesWithItsLines() {
        fixture.givenNoPriorActivity()
                .when(create(false, new BigDecimal("40.00"), null))
                .expectException(rejected(Kind.RULE_BROKEN, "total"))
                .expectNoEvents();
    }

    @Test
    void shouldAcceptTheSameCreateTwiceAndRecordItOnce() {
        fixture.given(placed(T0))
                .when(create(false, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReuseAnOrderIdForDifferentContent() {
        fixture.given(placed(T0))
                .when(new CreateOrder("o-1", "c-1", "s-2", "USD", LINES, null, HOME, null, false, T0))
                .expectException(rejected(Kind.CONFLICT, "orderId"))
                .expectNoEvents();
    }

    @Test
    void shouldPlaceADraftWhenTheSameOrderArrivesAsPlaced() {
        fixture.given(drafted()).when(create(false, null, T1)).expectEvents(placed(T1));
    }

    @Test
    void cannotPlaceADraftBySendingAnotherOrderUnderItsId() {
        fixture.given(drafted())
                .when(new CreateOrder("o-1", "c-1", "s-2", "USD", LINES, null, HOME, null, false, T1))
                .expectException(rejected(Kind.CONFLICT, "orderId"))
                .expectNoEvents();
    }

    @Test
    void shouldPlaceADraftAtTheMomentItIsPlaced() {
        fixture.given(drafted()).when(new PlaceOrder("o-1", null, T1)).expectEvents(placed(T1));
    }

    @Test
    void cannotPlaceAnOrderThatIsNotADraft() {
        fixture.given(placed(T0))
                .when(new PlaceOrder("o-1", null, T1))
                .expectException(rejected(Kind.RULE_BROKEN, "status"));
    }

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
                .expectException(rejected(Kind.RULE_BROKEN, "status"));
    }

    @Test
    void cannotShipADraft() {
        fixture.given(drafted())
                .when(new RecordShipmentUpdate("o-1", ShipmentStatus.IN_TRANSIT, null, null, null, null, T1))
                .expectException(rejected(Kind.RULE_BROKEN, "status"));
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
                .expectException(rejected(Kind.RULE_BROKEN, "status"));
    }

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
        fixture.given(drafted()).when(refund("r-1", "1.00")).expectException(rejected(Kind.RULE_BROKEN, "status"));
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

    @Test
    void shouldKeepYenAmountsWithoutMinorDigits() {
        List<OrderLine> yen = List.of(new OrderLine("RAMEN", "Ramen", 3, new BigDecimal("1200")));
        fixture.givenNoPriorActivity()
                .when(new CreateOrder("o-1", "c-1", "s-jp", "JPY", yen, null, HOME, null, false, T0))
                .expectEvents(new OrderPlaced("o-1", "c-1", "s-jp", "JPY", yen, new BigDecimal("3600"), HOME, T0));
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

    @Test
    void shouldIgnoreARetriedRequestItAlreadyCarriedOut() {
        MetaData request = new RequestMetaData("http:key-1", "fp-1").asMetaData();
        fixture.given(List.of(
                        placed(T0),
                        GenericEventMessage.asEventMessage(new OrderCancelled("o-1", "c-1", null, T1))
                                .andMetaData(request)))
                .when(new CancelOrder("o-1", null, T2), request)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReuseARequestIdForADifferentRequest() {
        MetaData first = new RequestMetaData("http:key-1", "fp-1").asMetaData();
        fixture.given(List.of(
                        placed(T0),
                        GenericEventMessage.asEventMessage(refunded("r-1", "1.00"))
                                .andMetaData(first)))
                .when(
                        refund("r-2", "2.00"),
                        Map.of(RequestMetaData.REQUEST_ID, "http:key-1", RequestMetaData.FINGERPRINT, "fp-2"))
                .expectException(rejected(Kind.CONFLICT, "requestId"));
    }
}
