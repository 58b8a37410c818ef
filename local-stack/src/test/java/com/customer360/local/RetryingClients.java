package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.testing.TestHttp;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients of the command API as they behave across crashes of the service: each sends its plan in order, and each
 * call again until it is acknowledged (its Idempotency-Key makes the repeat harmless), for as long as a round lasts.
 * What was acknowledged, and in which order, is kept across rounds: a call acknowledged once is never sent again.
 */
final class RetryingClients {

    /** One request a client wants carried out; its Idempotency-Key makes sending it again harmless. */
    record Call(String path, String body, String key) {}

    /** A client's calls, in the order it sends them, and the customers they create. */
    record Plan(List<Call> calls, List<String> customers) {}

    private final TestHttp commands;
    private final List<Plan> plans;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<String> acknowledgedInOrder = Collections.synchronizedList(new ArrayList<>());

    RetryingClients(TestHttp commands, List<Plan> plans) {
        this.commands = commands;
        this.plans = List.copyOf(plans);
    }

    /** Each client registers customers, orders 10.00 for each and refunds 1.00 of it. */
    static Plan plan(int client, int customers) {
        List<Call> calls = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String customer = "k-" + client + "-" + i;
            created.add(customer);
            calls.add(new Call(
                    "/api/customers",
                    "{\"customerId\":\"" + customer + "\",\"name\":\"K\",\"email\":\"k@example.com\"}",
                    customer + "-register"));
            calls.add(new Call(
                    "/api/orders",
                    """
                    {"orderId":"%s-o","customerId":"%s","storeId":"s","currency":"USD",
                     "lines":[{"sku":"A","name":"A","quantity":1,"unitPrice":"10.00"}],
                     "shippingAddress":{"line1":"1 Main St","city":"Austin","postalCode":"73301","country":"US"}}"""
                            .formatted(customer, customer),
                    customer + "-order"));
            calls.add(
                    new Call("/api/orders/" + customer + "-o/refunds", "{\"amount\":\"1.00\"}", customer + "-refund"));
        }
        return new Plan(List.copyOf(calls), List.copyOf(created));
    }

    List<Plan> plans() {
        return plans;
    }

    int calls() {
        return plans.stream().mapToInt(plan -> plan.calls().size()).sum();
    }

    int acknowledged() {
        return acknowledged.size();
    }

    /** Every client starts (again) on the first of its calls not yet acknowledged, each on a thread of its own. */
    Round start() {
        return new Round();
    }

    /**
     * A customer registered by the service after {@code acknowledgedBefore} calls were acknowledged, not counting the
     * first call of each client after them, which the service before may have carried out, unanswered; {@code null}
     * while there is none.
     */
    String registeredAfter(int acknowledgedBefore) {
        synchronized (acknowledgedInOrder) {
            return acknowledgedInOrder.stream()
                    .skip(acknowledgedBefore + plans.size())
                    .filter(key -> key.endsWith("-register"))
                    .map(key -> key.substring(0, key.length() - "-register".length()))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Sends a call; true once the service acknowledged it (now or earlier). */
    private boolean send(Call call) {
        if (acknowledged.contains(call.key())) {
            return true;
        }
        try {
            TestHttp.Answer answer = commands.post(call.path(), call.body(), "Idempotency-Key", call.key());
            if (answer.status() >= 200 && answer.status() < 300) {
                if (acknowledged.add(call.key())) {
                    acknowledgedInOrder.add(call.key());
                }
                return true;
            }
            return false;
        } catch (UncheckedIOException noAnswer) {
            return false;
        }
    }

    /** The clients sending, until they are done or stopped. */
    final class Round {

        private final ExecutorService threads = Executors.newFixedThreadPool(plans.size());
        private final AtomicBoolean stopped = new AtomicBoolean();

        private Round() {
            for (Plan plan : plans) {
                threads.execute(() -> {
                    for (Call call : plan.calls()) {
                        await().pollDelay(Duration.ZERO)
                                .pollInterval(Duration.ofMillis(100))
                                .atMost(Duration.ofSeconds(60))
                                .until(() -> stopped.get() || send(call));
                        if (stopped.get()) {
                            return;
                        }
                    }
                });
            }
            threads.shutdown();
        }

        boolean awaitDone(Duration atMost) throws InterruptedException {
            return threads.awaitTermination(atMost.toMillis(), TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            assertThat(awaitDone(Duration.ofSeconds(60))).isTrue();
        }
    }
}
