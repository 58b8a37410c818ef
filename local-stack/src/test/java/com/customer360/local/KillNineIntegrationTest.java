package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole embedded stack is killed with SIGKILL while commands and upstream messages pour in, and started again
 * on the same data. Nothing that was acknowledged — an HTTP 2xx, an upstream message the broker accepted — is lost,
 * and nothing is counted twice once clients retry what got no answer, as clients do.
 */
class KillNineIntegrationTest {

    private static final int CLIENTS = 4;

    @TempDir
    Path data;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
    private final List<Process> running = new ArrayList<>();
    private int[] ports;

    /** One request a client wants carried out; its Idempotency-Key makes sending it again harmless. */
    private record Call(String path, String body, String key) {}

    @Test
    void shouldLoseNothingAcknowledgedAndCountNothingTwiceAcrossAKillNine() throws Exception {
        ports = freePorts(4);
        List<List<Call>> plans = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            plans.add(plan(client, 400));
        }
        List<String> upstreamCustomers = new ArrayList<>();

        Process first = start("first");
        running.add(first);
        ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean killed = new AtomicBoolean();
        for (List<Call> plan : plans) {
            load.execute(() -> {
                for (Call call : plan) {
                    if (killed.get() || !send(call)) {
                        return;
                    }
                }
            });
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 150; i++) {
                String customerId = "up-" + i;
                producer.send(new ProducerRecord<>("upstream-order-events", customerId, registration(customerId)))
                        .get(10, TimeUnit.SECONDS);
                upstreamCustomers.add(customerId);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 600);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        killed.set(true);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int acknowledgedBeforeTheKill = acknowledged.size();

        Process second = start("second");
        running.add(second);
        try {
            for (List<Call> plan : plans) {
                for (Call call : plan) {
                    await().pollDelay(Duration.ZERO)
                            .atMost(Duration.ofSeconds(30))
                            .until(() -> send(call));
                }
            }
            Api api = new Api(uri(ports[2]), uri(ports[3]));
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        for (int client = 0; client < CLIENTS; client++) {
                            for (int i = 0; i < 400 / 3; i++) {
                                assertCountedOnce(api, client, i);
                            }
                        }
                        for (String customerId : upstreamCustomers) {
                            assertThat(api.query("/api/customers/" + customerId))
                                    .as(customerId)
                                    .isNotNull();
                        }
                    });
            System.out.printf(
                    "kill -9: %d requests acknowledged before the kill, all %d carried out exactly once after the "
                            + "restart; %d upstream messages accepted by the broker, all carried out%n",
                    acknowledgedBeforeTheKill, acknowledged.size(), upstreamCustomers.size());
        } finally {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Whatever happens, no stack outlives the test: it would write into a deleted directory. */
    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        for (Process process : running) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Each client registers customers, orders 10.00 for each and refunds 1.00 of it. */
    private static List<Call> plan(int client, int calls) {
        List<Call> plan = new ArrayList<>();
        for (int i = 0; plan.size() < calls; i++) {
            String customer = "k-" + client + "-" + i;
            plan.add(new Call(
                    "/api/customers",
                    "{\"customerId\":\"" + customer + "\",\"name\":\"K\",\"email\":\"k@example.com\"}",
                    customer + "-register"));
            plan.add(new Call(
                    "/api/orders",
                    """
                    {"orderId":"%s-o","customerId":"%s","storeId":"s","currency":"USD",
                     "lines":[{"sku":"A","name":"A","quantity":1,"unitPrice":"10.00"}],
                     "shippingAddress":{"line1":"1 Main St","city":"Austin","postalCode":"73301","country":"US"}}"""
                            .formatted(customer, customer),
                    customer + "-order"));
            plan.add(new Call("/api/orders/" + customer + "-o/refunds", "{\"amount\":\"1.00\"}", customer + "-refund"));
        }
        return plan;
    }

    private void assertCountedOnce(Api api, int client, int i) {
        String customer = "k-" + client + "-" + i;
        JsonNode page = api.query("/api/customers/" + customer);
        assertThat(page).as(customer).isNotNull();
        assertThat(page.get("summaries")).as(customer).hasSize(1);
        assertThat(page.at("/summaries/0/orderCount").asInt()).isEqualTo(1);
        assertThat(page.at("/summaries/0/lifetimeValue").asText()).as(customer).isEqualTo("9.00");
        assertThat(page.at("/summaries/0/refundedTotal").asText()).as(customer).isEqualTo("1.00");
    }

    /** Sends a call; true once the service acknowledged it (now or earlier). */
    private boolean send(Call call) {
        if (acknowledged.containsKey(call.key())) {
            return true;
        }
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri(ports[2]).resolve(call.path()))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", call.key())
                            .POST(HttpRequest.BodyPublishers.ofString(call.body()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                acknowledged.put(call.key(), true);
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Process start(String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx768m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalStack.class.getName(),
                        "--data-dir=" + data,
                        "--kafka-port=" + ports[0],
                        "--mongo-port=" + ports[1],
                        "--command-port=" + ports[2],
                        "--query-port=" + ports[3],
                        "--demo-data=false")
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + "-" + name + ".log")
                        .toFile())
                .start();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("the stack exited; see " + name + ".log")
                            .isTrue();
                    return up(ports[2]) && up(ports[3]);
                });
        return process;
    }

    /** Serving HTTP: any answer will do, a 404 for a customer nobody registered included. */
    private boolean up(int port) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(uri(port).resolve("/api/customers/nobody"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        "127.0.0.1:" + ports[0],
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static byte[] registration(String customerId) {
        return ("{\"specversion\":\"1.0\",\"id\":\"" + customerId + "\",\"source\":\"urn:kill-nine\","
                        + "\"type\":\"customer.registered\",\"data\":{\"customerId\":\"" + customerId
                        + "\",\"name\":\"Up\",\"email\":\"up@example.com\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static URI uri(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
        return ports;
    }
}
