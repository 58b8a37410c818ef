package com.customer360.query.pages;

import com.customer360.events.order.OrderStatus;
import com.customer360.query.order.OrderHistoryPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a customer's order history as the details page shows it. Pages are reached by the API's cursors, so a
 * page costs the same however deep it is; the page number only travels along in the links, to tell the reader where
 * they are.
 *
 * @param status the filter, {@code null} for every order
 * @param number the page's number, from 1
 */
record OrderHistoryView(
        String customerId,
        OrderStatus status,
        int number,
        long pages,
        List<OrderRow> rows,
        long totalItems,
        String cursor,
        String previousCursor,
        String nextCursor) {

    static OrderHistoryView of(
            String customerId, OrderStatus status, int number, String cursor, OrderHistoryPage page) {
        long pages = Math.max(1, (page.totalItems() + page.size() - 1) / page.size());
        return new OrderHistoryView(
                customerId,
                status,
                number,
                pages,
                page.items().stream().map(OrderRow::of).toList(),
                page.totalItems(),
                cursor,
                page.hasPrevious() ? page.previousCursor() : null,
                page.hasNext() ? page.nextCursor() : null);
    }

    /** The page itself, as the part that htmx reloads on a live update. */
    public String partUrl() {
        return url("/orders", cursor, number);
    }

    public String previousPartUrl() {
        return previousCursor == null ? null : url("/orders", number <= 2 ? null : previousCursor, number - 1);
    }

    public String nextPartUrl() {
        return nextCursor == null ? null : url("/orders", nextCursor, number + 1);
    }

    /** The same pages as whole-page links, for the address bar and for browsers without scripts. */
    public String previousPageUrl() {
        return previousCursor == null ? null : url("", number <= 2 ? null : previousCursor, number - 1);
    }

    public String nextPageUrl() {
        return nextCursor == null ? null : url("", nextCursor, number + 1);
    }

    public String filterUrl() {
        return "/customers/" + customerId + "/orders";
    }

    public String statusValue() {
        return status == null ? "" : status.name();
    }

    private String url(String part, String at, int pageNumber) {
        List<String> parameters = new ArrayList<>();
        if (status != null) {
            parameters.add("status=" + status.name());
        }
        if (at != null) {
            parameters.add("cursor=" + URLEncoder.encode(at, StandardCharsets.UTF_8));
            parameters.add("p=" + Math.max(1, pageNumber));
        }
        String path = "/customers/" + customerId + part;
        return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
    }
}
