package com.customer360.local;

import com.customer360.local.ExpectedCustomer.Expected;
import com.customer360.local.ExpectedCustomer.ExpectedOrder;
import com.customer360.local.ExpectedCustomer.Figures;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fault suite's verdict: how every customer's page, their whole order history and every one of their orders
 * differ from what was computed independently from the valid messages, and how the dead-letter topic differs from the
 * broken messages that were sent. Empty lists mean a clean run.
 */
final class FaultSuiteVerdict {

    private FaultSuiteVerdict() {}

    static List<String> mismatches(Api api, List<Expected> expected) {
        List<String> mismatches = new ArrayList<>();
        for (Expected customer : expected) {
            String problem = compare(api, customer);
            if (problem != null) {
                mismatches.add(customer.customerId() + ": " + problem);
            }
        }
        return mismatches;
    }

    private static String compare(Api api, Expected expected) {
        JsonNode page = api.query("/api/customers/" + expected.customerId());
        if (page == null) {
            return "not shown";
        }
        String contact = differs("name", expected.name(), text(page, "name"))
                + differs("email", expected.email(), text(page, "email"))
                + differs("phone", expected.phone(), text(page, "phone"));
        if (!contact.isEmpty()) {
            return contact;
        }
        Map<String, Figures> shown = new LinkedHashMap<>();
        for (JsonNode summary : page.get("summaries")) {
            shown.put(
                    summary.get("currency").asText(),
                    new Figures(
                            summary.get("orderCount").asInt(),
                            new BigDecimal(summary.get("lifetimeValue").asText()),
                            new BigDecimal(summary.get("averageOrderValue").asText()),
                            new BigDecimal(summary.get("refundedTotal").asText())));
        }
        if (!shown.equals(expected.byCurrency())) {
            return "figures " + shown + " instead of " + expected.byCurrency();
        }
        String dates = differs(
                        "latest address",
                        expected.latestLine1(),
                        page.path("latestShippingAddress").path("line1").asText(null))
                + differs("first order", expected.firstOrderAt(), time(page, "firstOrderAt"))
                + differs("last order", expected.lastOrderAt(), time(page, "lastOrderAt"))
                + differs(
                        "order count",
                        (long) expected.orders().size(),
                        page.path("orderCount").asLong());
        if (!dates.isEmpty()) {
            return dates;
        }
        String history = history(api, expected);
        return history != null ? history : orders(api, expected);
    }

    /** The whole history, page by page with its cursors: every order once, newest first, with what it shows. */
    private static String history(Api api, Expected expected) {
        List<JsonNode> rows = new ArrayList<>();
        String path = "/api/customers/" + expected.customerId() + "/orders?size=7";
        JsonNode page = api.query(path);
        while (page != null) {
            page.path("items").forEach(rows::add);
            page = page.path("hasNext").asBoolean()
                    ? api.query(path + "&cursor=" + page.path("nextCursor").asText())
                    : null;
        }
        if (rows.size() != expected.orders().size()) {
            return "history shows " + rows.size() + " orders instead of "
                    + expected.orders().size();
        }
        Comparator<JsonNode> newestFirst = Comparator.comparing(
                        (JsonNode row) -> Instant.parse(row.path("orderDate").asText()))
                .thenComparing(row -> row.path("orderId").asText())
                .reversed();
        List<JsonNode> sorted = rows.stream().sorted(newestFirst).toList();
        if (!sorted.equals(rows)) {
            return "history not newest first";
        }
        Map<String, ExpectedOrder> byId = new LinkedHashMap<>();
        expected.orders().forEach(order -> byId.put(order.orderId(), order));
        for (JsonNode row : rows) {
            ExpectedOrder order = byId.get(row.path("orderId").asText());
            if (order == null) {
                return "history shows an unknown order " + row.path("orderId").asText();
            }
            String problem = differs(
                            "status", order.status(), row.path("status").asText())
                    + differs(
                            "amount",
                            order.total(),
                            new BigDecimal(row.path("amount").asText()))
                    + differs("currency", order.currency(), row.path("currency").asText())
                    + (order.placedAt() == null ? "" : differs("order date", order.placedAt(), time(row, "orderDate")));
            if (!problem.isEmpty()) {
                return "history row " + order.orderId() + ": " + problem;
            }
        }
        return null;
    }

    /** Every order's details. */
    private static String orders(Api api, Expected expected) {
        for (ExpectedOrder order : expected.orders()) {
            JsonNode shown = api.query("/api/orders/" + order.orderId());
            if (shown == null) {
                return "order " + order.orderId() + " not shown";
            }
            String problem = differs(
                            "status", order.status(), shown.path("status").asText())
                    + differs(
                            "total",
                            order.total(),
                            new BigDecimal(shown.path("total").asText()))
                    + differs(
                            "refunded",
                            order.refunded(),
                            new BigDecimal(shown.path("refundedTotal").asText()))
                    + differs(
                            "currency", order.currency(), shown.path("currency").asText())
                    + differs(
                            "address",
                            order.line1(),
                            shown.path("shippingAddress").path("line1").asText(null))
                    + differs("placed", order.placedAt(), time(shown, "placedAt"))
                    + differs(
                            "customer",
                            expected.customerId(),
                            shown.path("customerId").asText());
            if (!problem.isEmpty()) {
                return "order " + order.orderId() + ": " + problem;
            }
        }
        return null;
    }

    private static String differs(String what, Object expected, Object shown) {
        boolean same = expected instanceof BigDecimal a && shown instanceof BigDecimal b
                ? a.compareTo(b) == 0
                : Objects.equals(expected, shown);
        return same ? "" : what + " " + shown + " instead of " + expected + "; ";
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    private static Instant time(JsonNode node, String field) {
        return node.path(field).isTextual() ? Instant.parse(node.get(field).asText()) : null;
    }

    /** Dead letters that should not be there, are missing, or carry another reason — shortened for the report. */
    static List<String> differences(Map<String, String> actual, Map<String, String> expected) {
        List<String> differences = new ArrayList<>();
        actual.forEach((value, reason) -> {
            if (!reason.equals(expected.get(value))) {
                differences.add(reason + " instead of " + expected.get(value) + ": " + shortened(value));
            }
        });
        expected.keySet().stream()
                .filter(value -> !actual.containsKey(value))
                .forEach(value -> differences.add("missing " + expected.get(value) + ": " + shortened(value)));
        return differences;
    }

    private static String shortened(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "...";
    }
}
