package com.customer360.query.customer;

import static com.customer360.query.EventHistory.at;
import static com.customer360.query.customer.CustomerFolds.fold;
import static com.customer360.query.customer.CustomerFolds.summaries;
import static com.customer360.query.customer.CustomerFolds.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.order.OrderStatus;
import com.customer360.query.EventHistory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures of the customer details page, folded from events by {@link CustomerDetailsProjection}. */
class CustomerFiguresTest {

    private static final String CUSTOMER = "c-1";

    private final EventHistory history = new EventHistory();

    @Test
    void shouldCountPlacedOrders() {
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-10"),
                history.placed("o-2", CUSTOMER, "USD", "20.00", "2026-01-11"));

        assertThat(summary(customer, "USD").orderCount()).isEqualTo(2);
    }

    @Test
    void shouldSumLifetimeValueOfCountedOrders() {
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "USD", "10.10", "2026-01-10"),
                history.placed("o-2", CUSTOMER, "USD", "20.25", "2026-01-11"));

        assertThat(summary(customer, "USD").lifetimeValue()).isEqualTo(new BigDecimal("30.35"));
    }

    @Test
    void shouldRoundAverageOrderValueHalfEvenDownToTheEvenCent() {
        // 0.05 / 2 = 0.025: half-up would say 0.03
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "USD", "0.01", "2026-01-10"),
                history.placed("o-2", CUSTOMER, "USD", "0.04", "2026-01-11"));

        assertThat(summary(customer, "USD").averageOrderValue()).isEqualTo(new BigDecimal("0.02"));
    }

    @Test
    void shouldRoundAverageOrderValueHalfEvenUpToTheEvenCent() {
        // 20.07 / 2 = 10.035
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "EUR", "10.00", "2026-01-10"),
                history.placed("o-2", CUSTOMER, "EUR", "10.07", "2026-01-11"));

        assertThat(summary(customer, "EUR").averageOrderValue()).isEqualTo(new BigDecimal("10.04"));
    }

    @Test
    void shouldRoundYenAverageOrderValueHalfEvenToWholeYen() {
        // 2001 / 2 = 1000.5: half-up would say 1001
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "JPY", "1000", "2026-01-10"),
                history.placed("o-2", CUSTOMER, "JPY", "1001", "2026-01-11"));

        assertThat(summary(customer, "JPY").averageOrderValue()).isEqualTo(new BigDecimal("1000"));
    }

    @Test
    void shouldRoundYenAverageOrderValueHalfEvenUpToTheEvenYen() {
        // 2003 / 2 = 1001.5
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "JPY", "1001", "2026-01-10"),
                history.placed("o-2", CUSTOMER, "JPY", "1002", "2026-01-11"));

        assertThat(summary(customer, "JPY").averageOrderValue()).isEqualTo(new BigDecimal("1002"));
    }

    @Test
    void shouldKeepFiguresPerCurrencyWithoutSummingAcrossThem() {
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-10"),
                history.placed("o-2", CUSTOMER, "EUR", "20.00", "2026-01-11"),
                history.placed("o-3", CUSTOMER, "USD", "30.00", "2026-01-12"));

        assertThat(summaries(customer))
                .containsExactly(
                        new CustomerFolds.CurrencySummary(
                                "EUR", 1, new BigDecimal("20.00"), new BigDecimal("20.00"), new BigDecimal("0.00")),
                        new CustomerFolds.CurrencySummary(
                                "USD", 2, new BigDecimal("40.00"), new BigDecimal("20.00"), new BigDecimal("0.00")));
    }

    @Test
    void shouldNotCountDrafts() {
        CustomerDetails customer = fold(history.drafted("o-1", CUSTOMER, "USD", "10.00", "2026-01-10"));

        assertThat(summaries(customer))
                .containsExactly(new CustomerFolds.CurrencySummary(
                        "USD", 0, new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00")));
        assertThat(customer.firstOrderAt).isNull();
    }

    @Test
    void shouldDropACancelledOrderFromEveryFigure() {
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.placed("o-2", CUSTOMER, "USD", "20.00", "2026-02-01"),
                history.cancelled("o-2", CUSTOMER));

        assertThat(summary(customer, "USD"))
                .isEqualTo(new CustomerFolds.CurrencySummary(
                        "USD", 1, new BigDecimal("10.00"), new BigDecimal("10.00"), new BigDecimal("0.00")));
        assertThat(customer.lastOrderAt).isEqualTo(at("2026-01-01"));
    }

    @Test
    void shouldTakeAPartialRefundOffTheLifetimeValueButKeepCountingTheOrder() {
        CustomerDetails customer = fold(
                history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.placed("o-2", CUSTOMER, "USD", "20.00", "2026-02-01"),
                history.refunded("o-2", CUSTOMER, "USD", "5.01"));

        assertThat(summary(customer, "USD"))
                .isEqualTo(new CustomerFolds.CurrencySummary(
                        "USD", 2, new BigDecimal("24.99"), new BigDecimal("12.50"), new BigDecimal("5.01")));
    }

    @Test
    void shouldKeepCountingAReturnedOrder() {
        CustomerFolds.Store store = new CustomerFolds.Store();
        store.project(List.of(
                history.placed("o-1", CUSTOMER, "USD", "10.00", "2026-01-01"),
                history.shipped("o-1", CUSTOMER, "2026-01-02"),
                history.delivered("o-1", CUSTOMER, "2026-01-03"),
                history.returned("o-1", CUSTOMER)));
        CustomerDetails customer = store.customer(CUSTOMER);

        assertThat(store.standing("o-1").status()).isEqualTo(OrderStatus.RETURNED);
        assertThat(summary(customer, "USD").orderCount()).isEqualTo(1);
        assertThat(summary(customer, "USD").lifetimeValue()).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void shouldGiveTheDesignFiguresForACustomerWithEveryKindOfOrder() {
        CustomerDetails customer = fold(DesignScenario.events(history, CUSTOMER));

        assertThat(summaries(customer)).containsExactly(DesignScenario.EUR, DesignScenario.USD);
        assertThat(customer.latestShippingAddress).isEqualTo(DesignScenario.LATEST_ADDRESS);
        assertThat(customer.firstOrderAt).isEqualTo(at("2026-01-10"));
        assertThat(customer.lastOrderAt).isEqualTo(at("2026-02-15"));
        assertThat(customer.orderCount()).isEqualTo(5);
        assertThat(customer.countOf(OrderStatus.DRAFT)).isEqualTo(1);
    }
}
