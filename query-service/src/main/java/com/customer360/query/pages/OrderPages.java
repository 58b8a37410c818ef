package com.customer360.query.pages;

import com.customer360.events.Identifiers;
import com.customer360.query.customer.CustomerDetails;
import com.customer360.query.customer.CustomerDetailsLookup;
import com.customer360.query.order.OrderDetails;
import com.customer360.query.order.OrderDetailsLookup;
import com.customer360.query.order.OrderDetailsView;
import com.customer360.query.order.StuckInTransit;
import com.customer360.query.web.NotFoundException;
import com.customer360.security.ContactMasking;
import com.customer360.security.ReadsCustomers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The order details page: what was ordered, where it goes, how far it got and what was given back, with the order's
 * downloads. Its body reloads on its own when the order's customer changes, as the customer page does.
 */
@Controller
@RequestMapping("/orders/{orderId}")
@ReadsCustomers
class OrderPages {

    private final OrderDetailsLookup orders;
    private final CustomerDetailsLookup customers;
    private final StuckInTransit stuck;

    OrderPages(OrderDetailsLookup orders, CustomerDetailsLookup customers, StuckInTransit stuck) {
        this.orders = orders;
        this.customers = customers;
        this.stuck = stuck;
    }

    @GetMapping
    String order(@PathVariable("orderId") String orderId, Model model) {
        describe(orderId, model);
        return "pages/order";
    }

    @GetMapping("/details")
    String details(@PathVariable("orderId") String orderId, Model model) {
        describe(orderId, model);
        return "pages/order :: details";
    }

    private void describe(String orderId, Model model) {
        if (!orderId.matches(Identifiers.PATTERN)) {
            throw new NotFoundException("order", orderId);
        }
        OrderDetails stored = orders.order(orderId)
                .filter(OrderDetails::exists)
                .orElseThrow(() -> new NotFoundException("order", orderId));
        OrderDetailsView order = OrderDetailsView.of(stored, stuck, ContactMasking.forCurrentUser());
        List<OrderDetails.ShipmentUpdate> newestFirst = new ArrayList<>(order.shipmentUpdates());
        Collections.reverse(newestFirst);
        List<OrderDetailsView.Refund> refundsNewestFirst = new ArrayList<>(order.refunds());
        Collections.reverse(refundsNewestFirst);
        model.addAttribute("order", order);
        // The store's sales page opens on the 30 days up to this order's day.
        model.addAttribute(
                "salesTo",
                order.orderDate() == null
                        ? null
                        : order.orderDate().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        model.addAttribute("status", Status.of(order.status()));
        model.addAttribute("shipmentUpdates", newestFirst);
        model.addAttribute("refunds", refundsNewestFirst);
        model.addAttribute(
                "customerName",
                customers
                        .registeredCustomer(order.customerId())
                        .map(CustomerDetails::name)
                        .orElse(null));
    }
}
