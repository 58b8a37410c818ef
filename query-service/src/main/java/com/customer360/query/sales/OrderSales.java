package com.customer360.query.sales;

import com.customer360.events.order.OrderStatus;
import com.customer360.query.fold.Sequence;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What one order is for its store's sales at the last position of its history applied: its store, currency, order
 * day, status, total and refunds, and the events that arrived ahead of a missing one ({@link #parked}), which wait
 * here until the gap is filled. Plain Java, folded by {@link StoreSalesProjection}.
 */
final class OrderSales {

    /** Events waiting behind a gap; beyond this the newest are left for a republish of the order's stream. */
    static final int MAX_PARKED = 50;

    final String orderId;
    String storeId;
    String currency;
    /** The UTC day of the order date: the placed time, or the drafted time while a draft. */
    LocalDate day;

    OrderStatus status;
    BigDecimal total;
    BigDecimal refunded;
    /** The last applied position in the order's own history. */
    long seq = Sequence.NONE;
    /** Later positions that arrived before an earlier one, by position. */
    final List<Step> parked = new ArrayList<>();

    OrderSales(String orderId) {
        this.orderId = orderId;
    }

    boolean exists() {
        return status != null;
    }

    /** What the order adds to its day's figures now; {@code null} while it is not a counted order. */
    Contribution contribution() {
        if (!exists() || !status.isCounted()) {
            return null;
        }
        return new Contribution(dayId(), total.subtract(refunded), refunded);
    }

    /** The day document the order belongs to, counted or not; {@code null} before the order exists. */
    String dayId() {
        return exists() ? dayIdOf(storeId, currency, day) : null;
    }

    static String dayIdOf(String storeId, String currency, LocalDate day) {
        return storeId + "|" + currency + "|" + day;
    }

    static LocalDate dayOf(java.time.Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** A counted order's share of its day: one order, its revenue (total less refunds) and its refunds. */
    record Contribution(String dayId, BigDecimal revenue, BigDecimal refunds) {}

    /**
     * The part of one order event that matters for sales, small enough to wait in the order's document.
     *
     * @param at the drafted or placed time for {@link Kind#DRAFTED} and {@link Kind#PLACED}, else unused
     * @param amount the order total when created, the refunded amount for a refund
     */
    record Step(long seq, Kind kind, String storeId, String currency, BigDecimal amount, java.time.Instant at) {}

    /** The kinds of order event, as far as sales tell them apart. */
    enum Kind {
        DRAFTED,
        PLACED,
        IN_TRANSIT,
        DELIVERED,
        CANCELLED,
        RETURNED,
        REFUNDED,
        /** An event that moves the order's position on and changes nothing here, such as a new address. */
        OTHER
    }
}
