package com.customer360.command.input;

import com.customer360.events.Money;
import java.math.BigDecimal;

/**
 * A caller's amount made exact in its currency's digits, or refused naming the field. What the digits are, and how
 * many an amount may have, is the contract's {@link Money}; only the refusal is the command side's.
 */
public final class Amounts {

    private Amounts() {}

    /**
     * The amount with exactly the currency's minor digits.
     *
     * @throws InvalidInput when the amount is negative or has more digits than the currency allows
     */
    public static BigDecimal exact(BigDecimal amount, String currency, String field) {
        if (amount.signum() < 0) {
            throw InvalidInput.of(field, "must not be negative");
        }
        if (!Money.hasCurrencyDigits(amount, currency)) {
            throw InvalidInput.of(
                    field, "must have at most " + Money.minorDigits(currency) + " decimal places for " + currency);
        }
        return Money.exact(amount, currency);
    }
}
