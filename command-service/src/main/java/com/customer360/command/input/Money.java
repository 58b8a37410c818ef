package com.customer360.command.input;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** Exact amounts in a currency's own number of minor digits (2 for USD and EUR, 0 for JPY). */
public final class Money {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Money() {}

    public static boolean isCurrency(String code) {
        if (!CODE.matcher(code).matches()) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static int minorDigits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /**
     * The amount with exactly the currency's minor digits.
     *
     * @throws InvalidInput when the amount has more digits than the currency allows, or is negative
     */
    public static BigDecimal exact(BigDecimal amount, String currency, String field) {
        int digits = minorDigits(currency);
        if (amount.signum() < 0) {
            throw InvalidInput.of(field, "must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > digits) {
            throw InvalidInput.of(field, "must have at most " + digits + " decimal places for " + currency);
        }
        return amount.setScale(digits);
    }
}
