package com.customer360.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void shouldFormatWithTheCurrencysMinorDigits() {
        assertThat(Money.format(new BigDecimal("129.9"), "USD")).isEqualTo("129.90");
        assertThat(Money.format(new BigDecimal("1500"), "JPY")).isEqualTo("1500");
    }

    @Test
    void shouldAverageToZeroWithoutOrders() {
        assertThat(Money.average(BigDecimal.ZERO, 0, "USD")).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void cannotFitMoreDigitsThanTheCurrencyHas() {
        assertThat(Money.fits(new BigDecimal("1.001"), "USD")).isFalse();
        assertThat(Money.fits(new BigDecimal("1.10"), "JPY")).isFalse();
        assertThat(Money.fits(new BigDecimal("1.000"), "JPY")).isTrue();
    }

    @Test
    void cannotFitANegativeAmount() {
        assertThat(Money.fits(new BigDecimal("-1.00"), "USD")).isFalse();
    }

    @Test
    void shouldKnowOnlyIsoCurrenciesWithAMinorUnit() {
        assertThat(Money.isCurrency("EUR")).isTrue();
        assertThat(Money.isCurrency("XYZ")).isFalse();
        assertThat(Money.isCurrency("XAU")).isFalse();
    }

    @Test
    void cannotFitMoreThanFifteenDigitsBeforeThePoint() {
        assertThat(Money.fits(new BigDecimal("999999999999999.99"), "USD")).isTrue();
        assertThat(Money.fits(new BigDecimal("1000000000000000"), "USD")).isFalse();
        assertThat(Money.fits(new BigDecimal("1E+2147483647"), "JPY")).isFalse();
        assertThat(Money.fits(new BigDecimal("1E-2147483647"), "USD")).isFalse();
    }

    @Test
    void shouldAverageHalfEven() {
        assertThat(Money.average(new BigDecimal("10.05"), 2, "EUR")).isEqualTo(new BigDecimal("5.02"));
        assertThat(Money.average(new BigDecimal("5"), 2, "JPY")).isEqualTo(new BigDecimal("2"));
    }
}
