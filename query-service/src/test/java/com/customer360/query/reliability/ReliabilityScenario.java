package com.customer360.query.reliability;

import static org.awaitility.Awaitility.await;

import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the reliability tests read back: a customer's page, an order, and the dead letters an operator sees. */
final class ReliabilityScenario {

    private ReliabilityScenario() {}

    /** The customer's page once it shows; fails after a minute. */
    static JsonNode awaitCustomer(TestHttp http, String customerId) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/api/customers/" + customerId), answer -> answer.status() == 200)
                .json();
    }

    /** The customer's page once it shows orders; fails after a minute. */
    static JsonNode awaitCustomerWithOrders(TestHttp http, String customerId, int orders) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> http.get("/api/customers/" + customerId),
                        answer -> answer.status() == 200
                                && answer.json().path("orderCount").asInt() >= orders)
                .json();
    }

    /** The reason codes of the customer's dead letters, in topic order, once there are {@code count} of them. */
    static List<String> awaitDeadLetters(TestHttp http, String customerId, int count) {
        List<String> reasons = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            reasons.clear();
            JsonNode page = http.get("/api/admin/dead-letters?size=100&customerId=" + customerId)
                    .json();
            page.path("items")
                    .forEach(item -> reasons.add(item.path("reasonCode").asText()));
            return reasons.size() >= count;
        });
        return reasons;
    }

    static String reasonOfFirstDeadLetter(StandaloneQueryService service, String customerId) {
        return service.http()
                .get("/api/admin/dead-letters?size=1&customerId=" + customerId)
                .json()
                .path("items")
                .path(0)
                .path("reason")
                .asText();
    }
}
