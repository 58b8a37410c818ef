package com.customer360.query.live;

import com.customer360.events.Identifiers;
import com.customer360.query.customer.CustomerDetailsLookup;
import com.customer360.query.web.NotFoundException;
import com.customer360.security.ConcurrencyLimits;
import com.customer360.security.ReadsCustomers;
import jakarta.validation.constraints.Pattern;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
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
    private final ConcurrencyLimits streams;

    LiveUpdatesController(
            LiveUpdates updates,
            CustomerDetailsLookup customers,
            @Value("${customer360.live.max-streams-per-user:32}") int maxStreamsPerUser) {
        this.updates = updates;
        this.customers = customers;
        this.streams = new ConcurrencyLimits(maxStreamsPerUser, "event streams");
    }

    @GetMapping(value = "/api/customers/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter list() {
        return limited(updates::followList);
    }

    @GetMapping(value = "/api/customers/{customerId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter customer(
            @PathVariable("customerId") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
                    String customerId) {
        if (!customers.isRegistered(customerId)) {
            throw new NotFoundException("customer", customerId);
        }
        return limited(() -> updates.followCustomer(customerId));
    }

    /** A stream counted against the user's limit until it ends, however it ends. */
    private SseEmitter limited(Supplier<SseEmitter> follow) {
        ConcurrencyLimits.Permit permit = streams.acquire();
        try {
            SseEmitter emitter = follow.get();
            emitter.onCompletion(permit::close);
            emitter.onTimeout(permit::close);
            emitter.onError(error -> permit.close());
            return emitter;
        } catch (RuntimeException e) {
            permit.close();
            throw e;
        }
    }
}
