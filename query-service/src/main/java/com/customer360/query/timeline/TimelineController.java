package com.customer360.query.timeline;

import com.customer360.events.Identifiers;
import com.customer360.query.customer.CustomerDetailsLookup;
import com.customer360.query.store.KeysetCursor;
import com.customer360.query.web.InvalidParameterException;
import com.customer360.query.web.NotFoundException;
import com.customer360.security.ReadsCustomers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What happened to a customer and their orders, newest first, page by page. */
@RestController
@ReadsCustomers
class TimelineController {

    private final CustomerTimeline timeline;
    private final CustomerDetailsLookup customers;

    TimelineController(CustomerTimeline timeline, CustomerDetailsLookup customers) {
        this.timeline = timeline;
        this.customers = customers;
    }

    @GetMapping("/api/customers/{customerId}/timeline")
    TimelinePage timeline(
            @PathVariable("customerId") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
                    String customerId,
            @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and 100")
                    @Max(value = 100, message = "must be between 1 and 100")
                    int size,
            @RequestParam(name = "cursor", required = false) @Size(max = 200, message = "is not a cursor of this list")
                    String cursor) {
        KeysetCursor from = null;
        if (cursor != null) {
            try {
                from = KeysetCursor.decode(cursor);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("cursor", e.getMessage());
            }
        }
        if (!customers.isRegistered(customerId)) {
            throw new NotFoundException("customer", customerId);
        }
        return timeline.page(customerId, from, size);
    }
}
