package com.customer360.query.customer;

import com.customer360.events.Identifiers;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.order.OrderHistory;
import com.customer360.query.order.OrderHistoryPage;
import com.customer360.query.order.StuckInTransit;
import com.customer360.query.store.KeysetCursor;
import com.customer360.query.web.InvalidParameterException;
import com.customer360.query.web.NotFoundException;
import com.customer360.security.ContactMasking;
import com.customer360.security.ReadsCustomers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The customer details page's API: the customer's details and figures, and pages of their order history. */
@RestController
@ReadsCustomers
@RequestMapping("/api/customers")
class CustomerDetailsController {

    private final CustomerDetailsLookup customers;
    private final OrderHistory history;
    private final StuckInTransit stuck;

    CustomerDetailsController(CustomerDetailsLookup customers, OrderHistory history, StuckInTransit stuck) {
        this.customers = customers;
        this.history = history;
        this.stuck = stuck;
    }

    @GetMapping("/{customerId}")
    CustomerDetailsView customer(
            @PathVariable("customerId") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
                    String customerId) {
        return CustomerDetailsView.of(registered(customerId), stuck, ContactMasking.forCurrentUser());
    }

    /** By page number, or by a cursor from an earlier page (which costs the same however deep it is). */
    @GetMapping("/{customerId}/orders")
    OrderHistoryPage orders(
            @PathVariable("customerId") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
                    String customerId,
            @RequestParam(name = "page", defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and 100")
                    @Max(value = 100, message = "must be between 1 and 100")
                    int size,
            @RequestParam(name = "status", required = false) OrderStatus status,
            @RequestParam(name = "cursor", required = false) @Size(max = 200, message = "is not a cursor of this list")
                    String cursor) {
        KeysetCursor from = cursor == null ? null : decode(cursor);
        CustomerDetails customer = registered(customerId);
        long total = status == null ? customer.orderCount() : customer.countOf(status);
        return from == null
                ? history.page(customerId, status, page, size, total)
                : history.page(customerId, status, from, size, total);
    }

    private static KeysetCursor decode(String cursor) {
        try {
            return KeysetCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("cursor", e.getMessage());
        }
    }

    private CustomerDetails registered(String customerId) {
        return customers
                .registeredCustomer(customerId)
                .orElseThrow(() -> new NotFoundException("customer", customerId));
    }
}
