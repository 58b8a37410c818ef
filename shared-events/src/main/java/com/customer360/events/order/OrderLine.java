package com.customer360.events.order;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/** One line of an order; the unit price has exactly the currency's number of minor digits. */
public record OrderLine(
        String sku, String name, int quantity, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice) {

    public OrderLine {
        requireNonNull(sku, "sku");
        requireNonNull(unitPrice, "unitPrice");
    }

    /** quantity × unit price, exact. */
    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
