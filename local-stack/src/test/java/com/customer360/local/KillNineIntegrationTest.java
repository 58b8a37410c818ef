package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.security.LocalUsers;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * The whole embedded stack is killed with SIGKILL twice — while commands and upstream messages pour in, and again
 * soon after the restart, while it is still catching up (clients resending what got no answer and going on, upstream
 * messages arriving, the relay and the projection behind) — and started again on the same data each time. Nothing
 * that was acknowledged — an HTTP 2xx, an upstream message the broker accepted — is lost, and nothing is counted
 * twice once clients retry what got no answer, as clients do; every customer a client created is checked.
 */
class KillNineIntegrationTest {

    private static final int CLIENTS = 4;
    private static final int CUSTOMERS_PER_CLIENT = 134;
    private static final int UPSTREAM_FIRST = 150;
    private static final int UPSTREAM_MAX = 2000;

    @TempDir
    Path data;

    private final Set<String> upstreamAcknowledged = ConcurrentHashMap.newKeySet();
    private final List<Process> running = new ArrayList<>();
    private int[] ports;
    private TestHttp queries;

    @Test
    void shouldLoseNothingAcknowledgedAndCountNothingTwiceAcrossTwoKillNines() throws Exception {
        ports = freePorts(4);
        // Written before the first start, the stack keeps it: the clients know their passwords from the beginning.
        Path users = data.resolve(LocalStack.LOCAL_USERS);
        LocalUsers.createIfMissing(users);
        TestHttp commands = new TestHttp(ports[2]).authorizedBy(LocalUsers.basicAuthorization(users, "writer"));
        queries = new TestHttp(ports[3]).authorizedBy(LocalUsers.basicAuthorization(users, "viewer"));
        List<RetryingClients.Plan> plans = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            plans.add(RetryingClients.plan(client, CUSTOMERS_PER_CLIENT));
        }
        RetryingClients clients = new RetryingClients(commands, plans);
        int calls = clients.calls();
        long began = System.nanoTime();

        Process first = start("first");
        RetryingClients.Round pouring = clients.start();
        publishUpstream(0, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> clients.acknowledged() >= calls * 3 / 8);
        kill(first, pouring);
        int beforeTheFirstKill = clients.acknowledged();

        Process second = start("second");
        long secondUp = System.nanoTime();
        RetryingClients.Round resending = clients.start();
        AtomicBoolean secondKilled = new AtomicBoolean();
        Thread upstream = new Thread(() -> publishUpstream(UPSTREAM_FIRST, secondKilled), "upstream-while-catching-up");
        upstream.start();
        String witness = await().atMost(Duration.ofSeconds(60))
                .until(() -> clients.registeredAfter(beforeTheFirstKill), Objects::nonNull);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> queries.get("/api/customers/" + witness).status() == 200);
        secondKilled.set(true);
        kill(second, resending);
        double secondKillAfter = (System.nanoTime() - secondUp) / 1e9;
        upstream.join(TimeUnit.SECONDS.toMillis(30));
        int beforeTheSecondKill = clients.acknowledged();
        assertThat(beforeTheSecondKill).as("killed while still catching up").isLessThan(calls);

        Process third = start("third");
        try {
            RetryingClients.Round finishing = clients.start();
            assertThat(finishing.awaitDone(Duration.ofSeconds(120))).isTrue();
            assertThat(clients.acknowledged()).isEqualTo(calls);
            // Each pass checks only the customers not yet right (a pass over all of them takes a while on a stack
            // still catching up); a last pass checks every one again, so none went wrong after it was checked.
            List<Runnable> checks = new ArrayList<>();
            for (RetryingClients.Plan plan : plans) {
                for (String customer : plan.customers()) {
                    checks.add(() -> assertCountedOnce(queries, customer));
                }
            }
            for (String customerId : upstreamAcknowledged) {
                checks.add(() -> assertThat(
                                queries.get("/api/customers/" + customerId).status())
                        .as(customerId)
                        .isEqualTo(200));
            }
            List<Runnable> unchecked = new ArrayList<>(checks);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        while (!unchecked.isEmpty()) {
                            unchecked.get(0).run();
                            unchecked.remove(0);
                        }
                    });
            checks.forEach(Runnable::run);
            System.out.printf(
                    "kill -9 twice: %d of %d requests acknowledged before the first kill, %d before the second (%.1f s"
                            + " after the restart, %s projected); all"
                            + " carried out exactly once for %d customers after the last restart; %d upstream messages"
                            + " accepted by the broker, all carried out; %.0f s%n",
                    beforeTheFirstKill,
                    calls,
                    beforeTheSecondKill,
                    secondKillAfter,
                    witness,
                    CLIENTS * CUSTOMERS_PER_CLIENT,
                    upstreamAcknowledged.size(),
                    (System.nanoTime() - began) / 1e9);
        } finally {
            third.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Whatever happens, no stack outlives the test: it would write into a deleted directory. */
    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        for (Process process : running) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void kill(Process stack, RetryingClients.Round clients) throws InterruptedException {
        stack.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        clients.stop();
    }

    private static void assertCountedOnce(TestHttp queries, String customer) {
        TestHttp.Answer answer = queries.get("/api/customers/" + customer);
        assertThat(answer.status()).as(customer + ": " + answer.body()).isEqualTo(200);
        JsonNode page = answer.json();
        assertThat(page.get("summaries")).as(customer).hasSize(1);
        assertThat(page.at("/summaries/0/orderCount").asInt()).as(customer).isEqualTo(1);
        assertThat(page.at("/summaries/0/lifetimeValue").asText()).as(customer).isEqualTo("9.00");
        assertThat(page.at("/summaries/0/refundedTotal").asText()).as(customer).isEqualTo("1.00");
    }

    /**
     * Registrations published to the inbound topic one by one, from {@code from}: the first {@link #UPSTREAM_FIRST},
     * or, given {@code killed}, until it is set. Those the broker acknowledged must be carried out.
     */
    private void publishUpstream(int from, AtomicBoolean killed) {
        KafkaProducer<String, byte[]> producer = producer();
        try {
            int to = killed == null ? from + UPSTREAM_FIRST : UPSTREAM_MAX;
            for (int i = from; i < to && (killed == null || !killed.get()); i++) {
                String customerId = "up-" + i;
                producer.send(new ProducerRecord<>("upstream-order-events", customerId, registration(customerId)))
                        .get(10, TimeUnit.SECONDS);
                upstreamAcknowledged.add(customerId);
            }
        } catch (Exception notAcknowledged) {
            if (killed == null) {
                throw new IllegalStateException("the running stack's broker refused a message", notAcknowledged);
            }
        } finally {
            // A record the broker never acknowledged would otherwise hold the close until its delivery times out.
            producer.close(Duration.ofSeconds(1));
        }
    }

    private Process start(String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx768m",
                        // Faster to start, which three starts need on a small machine; the load is light.
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalStack.class.getName(),
                        "--data-dir=" + data,
                        "--kafka-port=" + ports[0],
                        "--mongo-port=" + ports[1],
                        "--command-port=" + ports[2],
                        "--query-port=" + ports[3],
                        "--demo-data=false",
                        // A killed stack's consumers leave their groups only when their sessions time out (45 s by
                        // default); the restarted stack waits that long for its partitions.
                        "--spring.kafka.consumer.properties.session.timeout.ms=10000",
                        "--spring.kafka.consumer.properties.heartbeat.interval.ms=3000")
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + "-" + name + ".log")
                        .toFile())
                .start();
        running.add(process);
        await().atMost(Duration.ofSeconds(120))
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
    private static boolean up(int port) {
        try {
            return new TestHttp(port).get("/api/customers/nobody").status() > 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        "127.0.0.1:" + ports[0],
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        "10000"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static byte[] registration(String customerId) {
        return ("{\"specversion\":\"1.0\",\"id\":\"" + customerId + "\",\"source\":\"urn:kill-nine\","
                        + "\"type\":\"customer.registered\",\"data\":{\"customerId\":\"" + customerId
                        + "\",\"name\":\"Up\",\"email\":\"up@example.com\"}}")
                .getBytes(StandardCharsets.UTF_8);
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
