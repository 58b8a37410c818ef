package com.customer360.query.live;

import com.customer360.events.Identifiers;
import com.customer360.query.customer.CustomerDetailsLookup;
import com.customer360.query.web.NotFoundException;
import com.customer360.security.ReadsCustomers;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events for dashboards and the pages: one customer's changes, or the list's. */
@RestController
@ReadsCustomers
class LiveUpdatesController {

    private final LiveUpdates updates;
    private final CustomerDetailsLookup customers;

    LiveUpdatesController(LiveUpdates updates, CustomerDetailsLookup customers) {
        this.updates = updates;
        this.customers = customers;
    }

    @GetMapping(value = "/api/customers/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter list() {
        return updates.followList();
    }

    @GetMapping(value = "/api/customers/{customerId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter customer(
            @PathVariable("customerId") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
                    String customerId) {
        if (!customers.isRegistered(customerId)) {
            throw new NotFoundException("customer", customerId);
        }
        return updates.followCustomer(customerId);
    }
}
