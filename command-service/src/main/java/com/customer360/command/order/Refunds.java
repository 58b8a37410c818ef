package com.customer360.command.order;

import com.customer360.command.CommandRejected;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The refunds recorded on an order: what was refunded so far, each refund by its id (so that a refund sent again is
 * recognised), and the rule that a refund never exceeds what remains of the order's total.
 */
record Refunds(Map<String, BigDecimal> byId, BigDecimal refunded) {

    static final Refunds NONE = new Refunds(Map.of(), BigDecimal.ZERO);

    Refunds {
        byId = Map.copyOf(byId);
    }

    /**
     * Whether this refund was recorded already, with this amount.
     *
     * @throws CommandRejected (conflict) when it was recorded with another amount
     */
    boolean recorded(String refundId, BigDecimal amount) {
        BigDecimal earlier = byId.get(refundId);
        if (earlier == null) {
            return false;
        }
        if (earlier.compareTo(amount) != 0) {
            throw CommandRejected.conflict(
                    "refundId", "refund '" + refundId + "' was already recorded with another amount");
        }
        return true;
    }

    BigDecimal remaining(BigDecimal total) {
        return total.subtract(refunded);
    }

    /** @throws CommandRejected (rule broken) when the amount exceeds what remains of the total */
    void requireWithin(BigDecimal total, BigDecimal amount, String currency) {
        BigDecimal remaining = remaining(total);
        if (amount.compareTo(remaining) > 0) {
            throw CommandRejected.ruleBroken(
                    "amount",
                    "refund of " + amount + " " + currency + " exceeds the " + remaining + " not yet refunded");
        }
    }

    Refunds with(String refundId, BigDecimal amount) {
        Map<String, BigDecimal> more = new HashMap<>(byId);
        more.put(refundId, amount);
        return new Refunds(more, refunded.add(amount));
    }
}
