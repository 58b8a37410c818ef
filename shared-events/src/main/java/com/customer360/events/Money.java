package com.customer360.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Exact money, as the contract defines it for every producer and reader: an ISO 4217 currency with a minor unit, and
 * amounts with exactly that currency's number of minor digits (2 for USD and EUR, 0 for JPY), never a {@code double}.
 * Amounts on the event topic are non-negative and have at most {@value #MAX_INTEGER_DIGITS} digits before the point,
 * so that any sum a reader keeps (millions of orders) still fits a 34-digit decimal such as MongoDB's Decimal128.
 */
public final class Money {

    /** The most digits before the decimal point an amount may have. */
    public static final int MAX_INTEGER_DIGITS = 15;

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Money() {}

    /** Whether {@code code} is an ISO 4217 currency with a minor unit (so not XAU or XXX). */
    public static boolean isCurrency(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The currency's number of minor digits, from {@link Currency#getDefaultFractionDigits()}. */
    public static int minorDigits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** Whether {@code amount} is non-negative and has no more minor digits than the currency allows. */
    public static boolean hasCurrencyDigits(BigDecimal amount, String currency) {
        return amount != null
                && amount.signum() >= 0
                && amount.stripTrailingZeros().scale() <= minorDigits(currency);
    }

    /** Whether {@code amount} is within the contract: the currency's digits, and at most 15 before the point. */
    public static boolean fits(BigDecimal amount, String currency) {
        return hasCurrencyDigits(amount, currency) && integerDigits(amount) <= MAX_INTEGER_DIGITS;
    }

    /** The number of digits before the decimal point; 0 for amounts below one. */
    public static long integerDigits(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        // precision - scale counts in long: an exponent near Integer.MIN_VALUE must not overflow
        return Math.max(0L, (long) stripped.precision() - stripped.scale());
    }

    /** The amount with exactly the currency's digits; fails rather than round an amount that does not fit. */
    public static BigDecimal exact(BigDecimal amount, String currency) {
        return amount.setScale(minorDigits(currency), RoundingMode.UNNECESSARY);
    }

    public static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(minorDigits(currency));
    }

    /** {@code sum ÷ count}, rounded half-even to the currency's minor unit; zero when {@code count} is zero. */
    public static BigDecimal average(BigDecimal sum, long count, String currency) {
        if (count == 0) {
            return zero(currency);
        }
        return sum.divide(BigDecimal.valueOf(count), minorDigits(currency), RoundingMode.HALF_EVEN);
    }

    /** The amount as JSON carries it: a plain decimal string with the currency's digits, such as {@code "129.90"}. */
    public static String format(BigDecimal amount, String currency) {
        return amount == null ? null : exact(amount, currency).toPlainString();
    }
}
