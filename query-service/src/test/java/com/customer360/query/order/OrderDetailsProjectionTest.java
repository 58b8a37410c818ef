package com.customer360.query.order;

import static com.customer360.query.EventHistory.address;
import static com.customer360.query.EventHistory.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.order.OrderStatus;
import com.customer360.events.order.ShipmentStatus;
import com.customer360.query.EventHistory;
import com.customer360.query.fold.FoldOutcome;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderDetailsProjectionTest {

    private static final String CUSTOMER = "c-1";
    private static final String ORDER = "o-1";

    private final EventHistory history = new EventHistory();
    private final OrderDetailsProjection projection = new OrderDetailsProjection();

    @Test
    void shouldDateADraftByItsDraftTime() {
        OrderDetails order = fold(history.drafted(ORDER, CUSTOMER, "EUR", "19.99", "2026-03-05"));

        assertThat(order.status).isEqualTo(OrderStatus.DRAFT);
        assertThat(order.orderDate).isEqualTo(at("2026-03-05"));
        assertThat(order.placedAt).isNull();
    }

    @Test
    void shouldDateADraftPlacedLaterByItsPlacedTimeAndKeepItsDraftTime() {
        OrderDetails order = fold(
                history.drafted(ORDER, CUSTOMER, "EUR", "19.99", "2026-03-05"),
                history.placed(ORDER, CUSTOMER, "EUR", "19.99", "2026-03-07"));

        assertThat(order.status).isEqualTo(OrderStatus.PLACED);
        assertThat(order.draftedAt).isEqualTo(at("2026-03-05"));
        assertThat(order.orderDate).isEqualTo(at("2026-03-07"));
    }

    @Test
    void shouldKeepLinesWithExactLineTotals() {
        OrderDetails order = fold(history.placed(ORDER, CUSTOMER, "JPY", "1500", "2026-03-05"));

        assertThat(order.lines)
                .containsExactly(
                        new OrderDetails.Line("SKU-1", "Thing", 1, new BigDecimal("1500"), new BigDecimal("1500")));
        assertThat(order.total).isEqualTo(new BigDecimal("1500"));
        assertThat(order.refundedTotal).isEqualTo(new BigDecimal("0"));
    }

    @Test
    void shouldListShipmentUpdatesInOrderOfArrivalAndRecordTheDelivery() {
        OrderDetails order = fold(
                history.placed(ORDER, CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.shipped(ORDER, CUSTOMER, "2026-01-02"),
                history.delivered(ORDER, CUSTOMER, "2026-01-04"));

        assertThat(order.shipmentUpdates)
                .extracting(OrderDetails.ShipmentUpdate::status)
                .containsExactly(ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED);
        assertThat(order.status).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.deliveredAt).isEqualTo(at("2026-01-04"));
    }

    @Test
    void shouldFollowAnAddressChange() {
        OrderDetails order = fold(
                history.placed(ORDER, CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.addressChanged(ORDER, CUSTOMER, address("9 Moved Lane")));

        assertThat(order.shippingAddress).isEqualTo(address("9 Moved Lane"));
    }

    @Test
    void shouldRecordACancellationWithItsReason() {
        OrderDetails order =
                fold(history.placed(ORDER, CUSTOMER, "USD", "10.00", "2026-01-01"), history.cancelled(ORDER, CUSTOMER));

        assertThat(order.status).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancelledAt).isEqualTo(at("2026-06-02"));
        assertThat(order.cancelReason).isEqualTo("changed mind");
    }

    @Test
    void shouldAddUpRefunds() {
        OrderDetails order = fold(
                history.placed(ORDER, CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.refunded(ORDER, CUSTOMER, "USD", "2.5"),
                history.refunded(ORDER, CUSTOMER, "USD", "1.25"));

        assertThat(order.refunds)
                .extracting(OrderDetails.Refund::amount)
                .containsExactly(new BigDecimal("2.50"), new BigDecimal("1.25"));
        assertThat(order.refundedTotal).isEqualTo(new BigDecimal("3.75"));
    }

    @Test
    void shouldRecordAReturnWithItsReason() {
        OrderDetails order = fold(
                history.placed(ORDER, CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.shipped(ORDER, CUSTOMER, "2026-01-02"),
                history.delivered(ORDER, CUSTOMER, "2026-01-03"),
                history.returned(ORDER, CUSTOMER));

        assertThat(order.status).isEqualTo(OrderStatus.RETURNED);
        assertThat(order.returnedAt).isEqualTo(at("2026-06-04"));
        assertThat(order.returnReason).isEqualTo("too small");
    }

    @Test
    void cannotApplyAnEventToAnOrderNeverDraftedNorPlaced() {
        OrderDetails order = new OrderDetails(ORDER);

        FoldOutcome outcome = projection.apply(order, history.shipped(ORDER, CUSTOMER, "2026-01-02"));

        assertThat(outcome).isEqualTo(FoldOutcome.ORDER_UNKNOWN);
        assertThat(order.exists()).isFalse();
    }

    @Test
    void cannotApplyAnEventPastAGapInTheOrdersHistory() {
        OrderDetails order = fold(history.placed(ORDER, CUSTOMER, "USD", "10.00", "2026-01-01"));
        history.skip(ORDER);

        FoldOutcome outcome = projection.apply(order, history.refunded(ORDER, CUSTOMER, "USD", "1.00"));

        assertThat(outcome).isEqualTo(FoldOutcome.SEQUENCE_GAP);
        assertThat(order.refundedTotal).isEqualTo(new BigDecimal("0.00"));
        assertThat(order.seq).isZero();
    }

    @Test
    void cannotApplyARefundInAnotherCurrencyThanTheOrders() {
        OrderDetails order = fold(history.placed(ORDER, CUSTOMER, "USD", "10.00", "2026-01-01"));

        FoldOutcome outcome = projection.apply(order, history.refunded(ORDER, CUSTOMER, "EUR", "1.00"));

        assertThat(outcome).isEqualTo(FoldOutcome.CURRENCY_MISMATCH);
        assertThat(order.refundedTotal).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void shouldKeepTheNewestShipmentUpdatesAndCountThemAll() {
        List<EventEnvelope> events = new java.util.ArrayList<>();
        events.add(history.placed(ORDER, CUSTOMER, "USD", "10.00", "2026-01-01"));
        for (int day = 1; day <= 25; day++) {
            events.add(history.shipped(ORDER, CUSTOMER, "2026-02-%02dT00:00:00Z".formatted(day)));
        }

        OrderDetails order = fold(events);

        assertThat(order.shipmentUpdateCount).isEqualTo(25);
        assertThat(order.shipmentUpdates).hasSize(OrderDetails.MAX_SHIPMENT_UPDATES);
        assertThat(order.shipmentUpdates.getFirst().at()).isEqualTo(at("2026-02-06T00:00:00Z"));
        assertThat(order.shipmentUpdates.getLast().at()).isEqualTo(at("2026-02-25T00:00:00Z"));
        assertThat(order.standing().inTransitSince()).isEqualTo(at("2026-02-25T00:00:00Z"));
    }

    @Test
    void shouldLeaveTheDocumentIdenticalWhenEveryEventIsDeliveredTwice() {
        List<EventEnvelope> events = List.of(
                history.placed(ORDER, CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.shipped(ORDER, CUSTOMER, "2026-01-02"),
                history.refunded(ORDER, CUSTOMER, "USD", "1.00"));
        OrderDetails once = fold(events);

        OrderDetails twice = fold(events);
        List<FoldOutcome> outcomes =
                events.stream().map(event -> projection.apply(twice, event)).toList();

        assertThat(outcomes).containsOnly(FoldOutcome.ALREADY_APPLIED);
        assertThat(twice).usingRecursiveComparison().isEqualTo(once);
    }

    private OrderDetails fold(EventEnvelope... events) {
        return fold(List.of(events));
    }

    private OrderDetails fold(List<EventEnvelope> events) {
        OrderDetails order = new OrderDetails(ORDER);
        events.forEach(event -> projection.apply(order, event));
        return order;
    }
}
