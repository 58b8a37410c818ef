package com.customer360.query.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The one place that knows how many minor digits a currency has (2 for USD and EUR, 0 for JPY), so every figure is
 * stored and shown with exactly those digits and never passes through a {@code double}.
 */
public final class Money {

    private Money() {}

    /** Whether {@code code} is an ISO 4217 currency with a minor unit. */
    public static boolean isCurrency(String code) {
        if (code == null) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The currency's number of minor digits, from {@link Currency#getDefaultFractionDigits()}. */
    public static int digits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** Whether {@code amount} is non-negative and has no more digits than the currency allows. */
    public static boolean fits(BigDecimal amount, String currency) {
        return amount != null
                && amount.signum() >= 0
                && amount.stripTrailingZeros().scale() <= digits(currency);
    }

    /** The amount with exactly the currency's digits; fails rather than round an amount that does not fit. */
    public static BigDecimal exact(BigDecimal amount, String currency) {
        return amount.setScale(digits(currency), RoundingMode.UNNECESSARY);
    }

    public static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(digits(currency));
    }

    /** {@code sum ÷ count}, rounded half-even to the currency's minor unit; zero when {@code count} is zero. */
    public static BigDecimal average(BigDecimal sum, long count, String currency) {
        if (count == 0) {
            return zero(currency);
        }
        return sum.divide(BigDecimal.valueOf(count), digits(currency), RoundingMode.HALF_EVEN);
    }

    /** The amount as JSON carries it: a plain decimal string with the currency's digits, such as {@code "129.90"}. */
    public static String format(BigDecimal amount, String currency) {
        return amount == null ? null : exact(amount, currency).toPlainString();
    }
}
