package com.customer360.query.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.fold.FoldOutcome;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreSalesProjectionTest {

    private final StoreSalesProjection projection = new StoreSalesProjection();
    private final EventHistory history = new EventHistory();

    private OrderSales fold(List<EventEnvelope> events) {
        OrderSales order = new OrderSales("o-1");
        events.forEach(event -> projection.apply(order, event));
        return order;
    }

    @Test
    void shouldCountAPlacedOrderOnItsPlacedDay() {
        OrderSales order = fold(List.of(history.placed("o-1", "c-1", "EUR", "120.50", "2026-03-02T23:59:59Z")));

        assertThat(order.contribution())
                .isEqualTo(new OrderSales.Contribution(
                        "store-1|EUR|2026-03-02", new BigDecimal("120.50"), new BigDecimal("0.00")));
    }

    @Test
    void shouldNotCountADraftAndMoveItToItsPlacedDayOncePlaced() {
        OrderSales order = fold(List.of(history.drafted("o-1", "c-1", "EUR", "10.00", "2026-03-01")));
        assertThat(order.contribution()).isNull();
        assertThat(order.dayId()).isEqualTo("store-1|EUR|2026-03-01");

        projection.apply(order, history.placed("o-1", "c-1", "EUR", "12.00", "2026-03-05T10:00:00Z"));

        assertThat(order.contribution().dayId()).isEqualTo("store-1|EUR|2026-03-05");
        assertThat(order.contribution().revenue()).isEqualByComparingTo("12.00");
    }

    @Test
    void shouldTakeRefundsOffRevenueAndKeepThemAsRefunds() {
        OrderSales order = fold(List.of(
                history.placed("o-1", "c-1", "EUR", "100.00", "2026-03-02"),
                history.refunded("o-1", "c-1", "EUR", "30.00"),
                history.refunded("o-1", "c-1", "EUR", "0.10")));

        assertThat(order.contribution().revenue()).isEqualTo(new BigDecimal("69.90"));
        assertThat(order.contribution().refunds()).isEqualTo(new BigDecimal("30.10"));
    }

    @Test
    void shouldStopCountingACancelledOrder() {
        OrderSales order = fold(
                List.of(history.placed("o-1", "c-1", "EUR", "100.00", "2026-03-02"), history.cancelled("o-1", "c-1")));

        assertThat(order.contribution()).isNull();
    }

    @Test
    void shouldKeepCountingShippedDeliveredAndReturnedOrders() {
        OrderSales order = fold(List.of(
                history.placed("o-1", "c-1", "EUR", "100.00", "2026-03-02"),
                history.shipped("o-1", "c-1", "2026-03-03"),
                history.delivered("o-1", "c-1", "2026-03-04"),
                history.returned("o-1", "c-1"),
                history.refunded("o-1", "c-1", "EUR", "100.00")));

        assertThat(order.contribution().revenue()).isEqualTo(new BigDecimal("0.00"));
        assertThat(order.contribution().refunds()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void shouldKeepJapaneseYenWithoutMinorDigits() {
        OrderSales order = fold(List.of(
                history.placed("o-1", "c-1", "JPY", "1500", "2026-03-02"),
                history.refunded("o-1", "c-1", "JPY", "500")));

        assertThat(order.contribution().revenue()).isEqualTo(new BigDecimal("1000"));
        assertThat(order.contribution().refunds()).isEqualTo(new BigDecimal("500"));
    }

    @Test
    void shouldIgnoreARedeliveredEvent() {
        EventEnvelope placed = history.placed("o-1", "c-1", "EUR", "20.00", "2026-03-02");
        EventEnvelope refund = history.refunded("o-1", "c-1", "EUR", "5.00");
        OrderSales order = fold(List.of(placed, refund));

        assertThat(projection.apply(order, refund)).isEqualTo(FoldOutcome.ALREADY_APPLIED);
        assertThat(order.contribution().revenue()).isEqualTo(new BigDecimal("15.00"));
    }

    @Test
    void shouldHoldAnEventThatArrivesBeforeAnEarlierOneAndApplyBothInOrder() {
        EventEnvelope placed = history.placed("o-1", "c-1", "EUR", "20.00", "2026-03-02");
        EventEnvelope refunded = history.refunded("o-1", "c-1", "EUR", "5.00");
        EventEnvelope cancelled = history.cancelled("o-1", "c-1");
        OrderSales order = new OrderSales("o-1");

        assertThat(projection.apply(order, cancelled)).isEqualTo(FoldOutcome.SEQUENCE_GAP);
        assertThat(projection.apply(order, refunded)).isEqualTo(FoldOutcome.SEQUENCE_GAP);
        assertThat(order.exists()).isFalse();
        assertThat(projection.apply(order, placed)).isEqualTo(FoldOutcome.APPLIED);

        assertThat(order.seq).isEqualTo(2);
        assertThat(order.parked).isEmpty();
        assertThat(order.refunded).isEqualTo(new BigDecimal("5.00"));
        assertThat(order.contribution()).isNull();
    }

    @Test
    void shouldNotCountAnOrderWhoseFirstEventDoesNotCreateIt() {
        OrderSales order = new OrderSales("o-1");
        history.skip("o-x");

        assertThat(projection.apply(order, history.cancelled("o-1", "c-1"))).isEqualTo(FoldOutcome.ORDER_UNKNOWN);
        assertThat(order.exists()).isFalse();
    }

    @Test
    void shouldLeaveARefundInAnotherCurrencyOutOfTheOrdersMoney() {
        OrderSales order = fold(List.of(
                history.placed("o-1", "c-1", "EUR", "20.00", "2026-03-02"),
                history.refundedIn("o-1", "c-1", "USD", "5.00")));

        assertThat(order.seq).isEqualTo(1);
        assertThat(order.contribution().revenue()).isEqualTo(new BigDecimal("20.00"));
    }

    @Test
    void shouldIgnoreCustomerEvents() {
        OrderSales order = new OrderSales("o-1");

        assertThat(projection.apply(order, history.registered("c-1", null))).isEqualTo(FoldOutcome.ALREADY_APPLIED);
        assertThat(order.exists()).isFalse();
    }
}
