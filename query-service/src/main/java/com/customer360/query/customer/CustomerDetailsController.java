package com.customer360.query.customer;

import com.customer360.events.Identifiers;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.web.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The customer details page's API: the customer's details and figures, and pages of their order history. */
@RestController
@RequestMapping("/api/customers")
class CustomerDetailsController {

    private final CustomerDetailsLookup customers;

    CustomerDetailsController(CustomerDetailsLookup customers) {
        this.customers = customers;
    }

    @GetMapping("/{customerId}")
    CustomerDetailsView customer(
            @PathVariable("customerId") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
                    String customerId) {
        return CustomerDetailsView.of(registered(customerId));
    }

    @GetMapping("/{customerId}/orders")
    OrderHistoryPage orders(
            @PathVariable("customerId") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
                    String customerId,
            @RequestParam(name = "page", defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and 100")
                    @Max(value = 100, message = "must be between 1 and 100")
                    int size,
            @RequestParam(name = "status", required = false) OrderStatus status) {
        return OrderHistoryPage.of(registered(customerId), page, size, status);
    }

    private CustomerDetails registered(String customerId) {
        return customers
                .registeredCustomer(customerId)
                .orElseThrow(() -> new NotFoundException("customer", customerId));
    }
}
