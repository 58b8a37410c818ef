package com.customer360.command.order;

import com.customer360.command.input.AddressInput;
import com.customer360.command.input.CurrencyCode;
import com.customer360.command.input.DecimalDigits;
import com.customer360.command.input.Identifier;
import com.customer360.events.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A new order. Without an orderId one is generated; {@code draft: true} creates a draft; {@code placedAt} may be sent
 * for orders placed before they reached us (default: now); a {@code total}, if sent, must equal the sum of the lines.
 */
public record CreateOrderRequest(
        @Identifier String orderId,
        @NotNull @Identifier String customerId,
        @NotNull @Identifier String storeId,
        @NotNull @CurrencyCode String currency,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid LineInput> lines,
        @NotNull @Valid AddressInput shippingAddress,
        Instant placedAt,
        Boolean draft,
        @PositiveOrZero @DecimalDigits(integer = Money.MAX_INTEGER_DIGITS, fraction = 3) BigDecimal total) {

    /** One order line; the unit price has at most the currency's minor digits. */
    public record LineInput(
            @NotBlank @Size(max = 64) String sku,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Positive @Max(100_000) Integer quantity,
            @NotNull @PositiveOrZero @DecimalDigits(integer = 12, fraction = 3) BigDecimal unitPrice) {}

    boolean isDraft() {
        return Boolean.TRUE.equals(draft);
    }
}
