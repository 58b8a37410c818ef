package com.customer360.query.order;

import com.customer360.events.Identifiers;
import com.customer360.query.web.NotFoundException;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The order details view's API. */
@RestController
class OrderDetailsController {

    private final OrderDetailsLookup orders;

    OrderDetailsController(OrderDetailsLookup orders) {
        this.orders = orders;
    }

    @GetMapping("/api/orders/{orderId}")
    OrderDetailsView order(
            @PathVariable("orderId") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
                    String orderId) {
        return orders.order(orderId)
                .map(OrderDetailsView::of)
                .orElseThrow(() -> new NotFoundException("order", orderId));
    }
}
