package com.customer360.command.order;

import com.customer360.command.input.DecimalDigits;
import com.customer360.command.input.Identifier;
import com.customer360.events.Money;
import com.customer360.events.order.ShipmentStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/** The bodies of the order lifecycle requests; each one is optional where every field is. */
public final class OrderRequests {

    private OrderRequests() {}

    /** Places a draft, now or at the given time. */
    public record Place(Instant placedAt) {}

    /** Cancels or returns an order, with an optional reason. */
    public record Reason(@Size(max = 500) String reason) {}

    /** Gives money back; a refundId of the caller's makes retries harmless. */
    public record Refund(
            @Identifier String refundId,
            @NotNull @Positive @DecimalDigits(integer = Money.MAX_INTEGER_DIGITS, fraction = 3) BigDecimal amount,
            @Size(max = 500) String reason) {}

    /** What a carrier reported; {@code at} defaults to now. */
    public record ShipmentUpdate(
            @NotNull ShipmentStatus status,
            @Size(max = 100) String carrier,
            @Size(max = 100) String trackingNumber,
            @Size(max = 200) String location,
            @Size(max = 500) String note,
            Instant at) {}
}
