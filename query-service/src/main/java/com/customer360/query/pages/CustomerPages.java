package com.customer360.query.pages;

import com.customer360.events.Identifiers;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.customer.CustomerDetails;
import com.customer360.query.customer.CustomerDetailsLookup;
import com.customer360.query.customer.CustomerDetailsView;
import com.customer360.query.order.OrderHistory;
import com.customer360.query.order.OrderHistoryPage;
import com.customer360.query.order.StuckInTransit;
import com.customer360.query.store.KeysetCursor;
import com.customer360.query.timeline.CustomerTimeline;
import com.customer360.query.web.NotFoundException;
import com.customer360.security.ContactMasking;
import com.customer360.security.ReadsCustomers;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer details page and the parts of it that htmx reloads on their own: the summary (figures, flags and
 * contact), a page of the order history, and the timeline. Each part carries the URL it reloads from, so a live
 * update refreshes what the reader is looking at — the same page of orders, the same filter — and nothing else.
 */
@Controller
@RequestMapping("/customers/{customerId}")
@ReadsCustomers
class CustomerPages {

    static final int ORDERS_PER_PAGE = 20;
    static final int TIMELINE_ENTRIES = 8;

    private final CustomerDetailsLookup customers;
    private final OrderHistory history;
    private final CustomerTimeline timeline;
    private final StuckInTransit stuck;

    CustomerPages(
            CustomerDetailsLookup customers, OrderHistory history, CustomerTimeline timeline, StuckInTransit stuck) {
        this.customers = customers;
        this.history = history;
        this.timeline = timeline;
        this.stuck = stuck;
    }

    @GetMapping
    String customer(
            @PathVariable("customerId") String customerId,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "cursor", required = false) String cursor,
            @RequestParam(name = "p", required = false) String pageNumber,
            Model model) {
        CustomerDetails customer = registered(customerId);
        model.addAttribute("customer", CustomerDetailsView.of(customer, stuck, ContactMasking.forCurrentUser()));
        model.addAttribute("orders", orders(customer, status, cursor, pageNumber));
        model.addAttribute("timeline", TimelineView.of(customerId, timeline.page(customerId, null, TIMELINE_ENTRIES)));
        model.addAttribute("statuses", Status.all());
        return "pages/customer";
    }

    @GetMapping("/summary")
    String summary(@PathVariable("customerId") String customerId, Model model) {
        model.addAttribute(
                "customer", CustomerDetailsView.of(registered(customerId), stuck, ContactMasking.forCurrentUser()));
        return "pages/customer :: summary";
    }

    @GetMapping("/orders")
    String orders(
            @PathVariable("customerId") String customerId,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "cursor", required = false) String cursor,
            @RequestParam(name = "p", required = false) String pageNumber,
            Model model) {
        model.addAttribute("orders", orders(registered(customerId), status, cursor, pageNumber));
        model.addAttribute("statuses", Status.all());
        return "pages/customer :: orders";
    }

    /** Without a cursor the newest entries, the whole part; with one, the older entries to add below the others. */
    @GetMapping("/timeline")
    String timeline(
            @PathVariable("customerId") String customerId,
            @RequestParam(name = "cursor", required = false) String cursor,
            Model model) {
        registered(customerId);
        KeysetCursor from = cursor == null ? null : cursor(cursor);
        model.addAttribute("timeline", TimelineView.of(customerId, timeline.page(customerId, from, TIMELINE_ENTRIES)));
        return from == null ? "pages/customer :: timeline" : "pages/timeline-more";
    }

    private OrderHistoryView orders(CustomerDetails customer, String status, String cursor, String pageNumber) {
        OrderStatus filter = status == null || status.isBlank() ? null : status(status);
        KeysetCursor from = cursor == null || cursor.isBlank() ? null : cursor(cursor);
        int number = from == null ? 1 : number(pageNumber);
        long total = filter == null
                ? Arrays.stream(OrderStatus.values())
                        .mapToLong(customer::countOf)
                        .sum()
                : customer.countOf(filter);
        String id = customer.customerId();
        OrderHistoryPage page = from == null
                ? history.page(id, filter, 0, ORDERS_PER_PAGE, total)
                : history.page(id, filter, from, ORDERS_PER_PAGE, total);
        return OrderHistoryView.of(id, filter, number, from == null ? null : cursor, page);
    }

    private CustomerDetails registered(String customerId) {
        if (!customerId.matches(Identifiers.PATTERN)) {
            throw new NotFoundException("customer", customerId);
        }
        return customers
                .registeredCustomer(customerId)
                .orElseThrow(() -> new NotFoundException("customer", customerId));
    }

    private static OrderStatus status(String value) {
        try {
            return OrderStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PageParameterException("That is not an order status.");
        }
    }

    private static KeysetCursor cursor(String value) {
        try {
            return KeysetCursor.decode(value);
        } catch (IllegalArgumentException e) {
            throw new PageParameterException("That page of the list does not exist; start again from the first.");
        }
    }

    private static int number(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
