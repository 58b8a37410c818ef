package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.testing.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Commands that race on one order, on one instance and across two instances sharing the event store, never both win
 * when together they would break a rule.
 */
class ConcurrentCommandsIntegrationTest {

    private static StandaloneCommandService first;
    private static StandaloneCommandService second;

    /** Two instances of one name: one event store, as two instances of a deployment share it. */
    @BeforeAll
    static void start() {
        first = StandaloneCommandService.start("concurrency", Map.of());
        second = StandaloneCommandService.start("concurrency", Map.of());
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    private static String placeOrder(TestHttp http) {
        String customerId = "c-" + UUID.randomUUID();
        String orderId = "o-" + UUID.randomUUID();
        http.post(
                "/api/customers",
                "{\"customerId\":\"%s\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}".formatted(customerId));
        assertThat(http.post(
                                "/api/orders",
                                """
                {"orderId":"%s","customerId":"%s","storeId":"s-1","currency":"EUR",
                 "lines":[{"sku":"A","name":"A","quantity":1,"unitPrice":"100.00"}],
                 "shippingAddress":{"line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}
                """
                                        .formatted(orderId, customerId))
                        .status())
                .isEqualTo(201);
        return orderId;
    }

    /** Each of the refunds alone is fine; any two together would refund more than the order's total. */
    private static List<Integer> refundAtOnce(String orderId, List<TestHttp> instances, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestHttp http = instances.get(i % instances.size());
            answers.add(pool.submit(() -> {
                start.await();
                return http.post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"60.00\"}")
                        .status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        return statuses;
    }

    @Test
    void shouldLetOnlyOneOfConcurrentRefundsWinOnOneInstance() throws Exception {
        String orderId = placeOrder(first.http());

        List<Integer> statuses = refundAtOnce(orderId, List.of(first.http()), 8);

        assertThat(statuses).containsOnly(204, 422).filteredOn(s -> s == 204).hasSize(1);
    }

    @Test
    void shouldLetOnlyOneOfConcurrentRefundsWinAcrossTwoInstances() throws Exception {
        String orderId = placeOrder(first.http());
        // Both instances have the order in their aggregate cache before the race starts.
        assertThat(second.http()
                        .post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"1.00\"}")
                        .status())
                .isEqualTo(204);
        assertThat(first.http()
                        .post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"1.00\"}")
                        .status())
                .isEqualTo(204);

        List<Integer> statuses = refundAtOnce(orderId, List.of(first.http(), second.http()), 8);

        assertThat(statuses).containsOnly(204, 422).filteredOn(s -> s == 204).hasSize(1);
        assertThat(first.http()
                        .post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"38.00\"}")
                        .status())
                .isEqualTo(204);
        assertThat(second.http()
                        .post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"0.01\"}")
                        .status())
                .isEqualTo(422);
    }
}
