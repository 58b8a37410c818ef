package com.customer360.local;

import com.customer360.local.UpstreamHistory.Expected;
import com.customer360.local.UpstreamHistory.Figures;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fault suite's verdict: how each customer's page differs from the figures computed independently, and how the
 * dead-letter topic differs from the broken messages that were sent. Empty lists mean a clean run.
 */
final class FaultSuiteVerdict {

    private FaultSuiteVerdict() {}

    static List<String> mismatches(Api api, List<Expected> expected) {
        List<String> mismatches = new ArrayList<>();
        for (Expected customer : expected) {
            JsonNode page = api.query("/api/customers/" + customer.customerId());
            String problem = compare(customer, page);
            if (problem != null) {
                mismatches.add(customer.customerId() + ": " + problem);
            }
        }
        return mismatches;
    }

    private static String compare(Expected expected, JsonNode page) {
        if (page == null) {
            return "not shown";
        }
        if (!expected.email().equals(page.path("email").asText())) {
            return "email " + page.path("email").asText();
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
        String line1 = page.path("latestShippingAddress").path("line1").asText(null);
        if (!Objects.equals(line1, expected.latestLine1())) {
            return "latest address " + line1 + " instead of " + expected.latestLine1();
        }
        Instant last = page.path("lastOrderAt").isTextual()
                ? Instant.parse(page.get("lastOrderAt").asText())
                : null;
        return Objects.equals(last, expected.lastOrderAt()) ? null : "last order at " + last;
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
