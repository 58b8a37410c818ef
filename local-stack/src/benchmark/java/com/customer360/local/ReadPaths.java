package com.customer360.local;

import static com.customer360.local.Benchmark.LIMIT;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers the reads part of the benchmark reads ({@link ReadBenchmark}), published and projected, and the paths
 * it reads checked once.
 */
final class ReadPaths {

    private ReadPaths() {}

    /** The two customers' events, projected, and the pages the load will read checked once: the paths by name. */
    static Map<String, String> publishAndCheck(
            LocalStack stack, int largeOrders, BenchmarkReport report, List<String> wrong) throws Exception {
        String small = "reads-small";
        String large = "reads-large";
        List<EventEnvelope> events = new ArrayList<>();
        events.add(LargeCustomers.registered(small));
        events.add(LargeCustomers.registered(large));
        for (int i = 0; i < 10; i++) {
            events.add(LargeCustomers.placed(small, i));
        }
        for (int i = 0; i < largeOrders; i++) {
            events.add(LargeCustomers.placed(large, i));
        }
        BenchmarkTopic.publish(stack.kafkaBootstrapServers(), "customer-order-events", events);
        TestHttp viewer = new TestHttp(stack.queryApi()).authorizedBy(stack.authorization("viewer"));
        LargeCustomerBenchmark.awaitOrderCount(viewer, small, 10, LIMIT);
        LargeCustomerBenchmark.awaitOrderCount(viewer, large, largeOrders, LIMIT);
        int lastPage = (largeOrders - 1) / 20;
        String cursor = LargeCustomers.cursorBefore(large, largeOrders - lastPage * 20);
        String byNumber = "history last page by number, " + largeOrders + " orders";
        String byCursor = "history last page by cursor, " + largeOrders + " orders";
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("details, 10 orders", "/api/customers/" + small);
        paths.put("details, " + largeOrders + " orders", "/api/customers/" + large);
        paths.put("history page 1, 10 orders", "/api/customers/" + small + "/orders?size=20");
        paths.put("history page 1, " + largeOrders + " orders", "/api/customers/" + large + "/orders?size=20");
        paths.put(byNumber, "/api/customers/" + large + "/orders?size=20&page=" + lastPage);
        paths.put(byCursor, "/api/customers/" + large + "/orders?size=20&cursor=" + cursor);
        for (String path : paths.values()) {
            TestHttp.Answer answer = viewer.get(path);
            if (answer.status() != 200) {
                wrong.add("GET " + path + " answered " + answer.status());
            }
        }
        checkLastPage(viewer.get(paths.get(byNumber)), large, largeOrders, wrong);
        checkLastPage(viewer.get(paths.get(byCursor)), large, largeOrders, wrong);
        report.checked("the last history page (by number and by cursor) of the " + largeOrders
                + "-order customer ends with its first order, and counts all orders");
        return paths;
    }

    private static void checkLastPage(TestHttp.Answer page, String customerId, int orders, List<String> wrong) {
        JsonNode items = page.json().path("items");
        String oldest = items.path(items.size() - 1).path("orderId").asText();
        if (!oldest.equals(customerId + "-o-0")
                || page.json().path("totalItems").asLong() != orders) {
            wrong.add("wrong last page for " + customerId + ": oldest " + oldest);
        }
    }
}
