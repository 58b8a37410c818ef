package com.customer360.local;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A rebuild of the customer-details view beside the live one, measured against the live catch-up of the same events
 * in the same run on the embedded stack: the synthetic history is published, the service catches up with it (the
 * live rate), readers measure the GET p99 idle, then a rebuild reads the whole topic into a new version while the
 * readers go on (the rebuild rate, the p99 during it, the heap), its diff is made (timed) and checked empty over every
 * customer, and it is switched to; each phase's figures are printed as soon as they are measured, the table at the end.
 * Stops by itself: each phase gives up after 30 minutes ({@code -Dbenchmark.give-up-minutes}).
 *
 * <pre>./mvnw -q -pl local-stack -am -DskipTests -Prebuild-benchmark verify -Dbenchmark.events=100000</pre>
 */
public final class RebuildBenchmark {

    private static final int PARTITIONS = 3;
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(Long.getLong("benchmark.give-up-minutes", 30));
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private RebuildBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path data = Files.createTempDirectory("c360-rebuild-benchmark");
        String topic = "bench-rebuild";
        String group = "bench-rebuild-views";
        List<EventEnvelope> history = SyntheticHistory.generate("rb", events, 42);
        List<String> customers = history.stream()
                .filter(event -> event.event() instanceof CustomerRegistered)
                .map(event -> event.event().customerId())
                .collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(customers, new Random(7));
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.persistent(data.resolve("mongo"), 0);
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.temporary();
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get();
            BenchmarkTopic.publish(kafka.bootstrapServers(), topic, history);
            Map<String, String> settings = BenchmarkTopic.queryServiceSettings(kafka, mongo, topic, group);
            HeapSampler heap = new HeapSampler();
            long liveStart = System.nanoTime();
            try (ConfigurableApplicationContext query = Services.startQueryService(settings, List.of())) {
                BenchmarkTopic.awaitCommitted(admin, topic, group, GIVE_UP_AFTER);
                double liveSeconds = (System.nanoTime() - liveStart) / 1e9;
                long liveHeap = heap.peakAndReset();
                System.out.printf(
                        "Live catch-up: %d events in %.1f s, %.0f events/s, peak heap %d MiB%n",
                        events, liveSeconds, events / liveSeconds, liveHeap);
                TestHttp viewer = TestUsers.as(new TestHttp(Services.port(query)), "viewer");
                TestHttp analyst = TestUsers.as(new TestHttp(Services.port(query)), "analyst");
                BenchmarkReaders idle = BenchmarkReaders.run(viewer, customers, 2000);
                idle.awaitAndStop();
                System.out.printf("Idle reads: p99 %.1f ms over %d GETs%n", idle.p99(), idle.count());

                BenchmarkReaders during = BenchmarkReaders.start(viewer, customers);
                heap.peakAndReset();
                long rebuildStart = System.nanoTime();
                TestHttp.Answer started = analyst.post("/api/views/rebuilds", "{\"view\":\"customer-details\"}");
                if (started.status() != 202) {
                    throw new IllegalStateException("the rebuild did not start: " + started.body());
                }
                String rebuildId = started.json().get("rebuildId").asText();
                JsonNode rebuild = awaitState(analyst, rebuildId, "CAUGHT_UP");
                double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
                long rebuildHeap = heap.peakAndReset();
                during.awaitAndStop();
                double serverSeconds = Duration.between(
                                        Instant.parse(rebuild.get("startedAt").asText()),
                                        Instant.parse(rebuild.get("caughtUpAt").asText()))
                                .toMillis()
                        / 1000.0;
                System.out.printf(
                        "Rebuild: caught up in %.1f s (%.0f events/s), GET p99 %.1f ms during it, peak heap %d MiB%n",
                        rebuildSeconds, events / rebuildSeconds, during.p99(), rebuildHeap);
                long diffStart = System.nanoTime();
                awaitDiff(analyst, rebuildId);
                double diffSeconds = (System.nanoTime() - diffStart) / 1e9;
                long pageStart = System.nanoTime();
                JsonNode diff = analyst.get("/api/views/rebuilds/" + rebuildId + "/diff?size=5")
                        .json();
                double pageMillis = (System.nanoTime() - pageStart) / 1e6;
                System.out.printf(
                        "Diff: made %.1f s after the rebuild was seen caught up; a page then read in %.1f ms%n",
                        diffSeconds, pageMillis);
                int switched = analyst.post("/api/views/rebuilds/" + rebuildId + "/switch", null)
                        .status();
                TestHttp.Answer afterSwitch = viewer.get("/api/customers/" + customers.get(0));
                heap.stop();
                double liveRate = events / liveSeconds;
                double rebuildRate = events / rebuildSeconds;
                System.out.printf(
                        """

                        Rebuild of customer-details beside the live view, %d events (%d customers), embedded stack, \
                        %d partitions
                        | phase                         | seconds | events/s | GET p99 ms | GET max ms | GETs | failed GETs | peak heap MiB |
                        |-------------------------------|---------|----------|------------|------------|------|-------------|---------------|
                        | live catch-up (batches)       | %7.1f | %8.0f | %10s | %10s | %4s | %11s | %13d |
                        | idle reads                    | %7s | %8s | %10.1f | %10.1f | %4d | %11d | %13s |
                        | rebuild (slices, bulk writes) | %7.1f | %8.0f | %10.1f | %10.1f | %4d | %11d | %13d |
                        Rebuild is %.2fx the live catch-up (server-side: %.1f s from start to caught up, %.0f events/s).
                        GET p99 during the rebuild is %.2fx idle.
                        Diff: %d customers compared, %d differing, fields %s; made %.1f s after caught up, a page in \
                        %.1f ms. Switch: %d; a read after it: %d, X-View-Version %s.
                        """,
                        events,
                        customers.size(),
                        PARTITIONS,
                        liveSeconds,
                        liveRate,
                        "-",
                        "-",
                        "-",
                        "-",
                        liveHeap,
                        "-",
                        "-",
                        idle.p99(),
                        idle.max(),
                        idle.count(),
                        idle.failures(),
                        "-",
                        rebuildSeconds,
                        rebuildRate,
                        during.p99(),
                        during.max(),
                        during.count(),
                        during.failures(),
                        rebuildHeap,
                        rebuildRate / liveRate,
                        serverSeconds,
                        events / serverSeconds,
                        during.p99() / idle.p99(),
                        diff.get("customersCompared").asLong(),
                        diff.get("customersDiffering").asLong(),
                        diff.get("fieldsDiffering"),
                        diffSeconds,
                        pageMillis,
                        switched,
                        afterSwitch.status(),
                        afterSwitch.header("X-View-Version").orElse("none"));
                boolean good = diff.get("customersCompared").asLong() == customers.size()
                        && diff.get("customersDiffering").asLong() == 0
                        && switched == 200
                        && afterSwitch.status() == 200;
                System.out.println(good ? "Checked: an empty diff over every customer, switched." : "CHECK FAILED");
                System.exit(good ? 0 : 1);
            }
        }
    }

    /** Waits for the rebuild's diff to be made (202 while it is being made). */
    private static void awaitDiff(TestHttp analyst, String rebuildId) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            TestHttp.Answer answer = analyst.get("/api/views/rebuilds/" + rebuildId + "/diff?size=1");
            if (answer.status() == 200) {
                return;
            }
            if (answer.status() != 202) {
                throw new IllegalStateException("the diff failed: " + answer.status() + " " + answer.body());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the diff was not made within " + GIVE_UP_AFTER);
    }

    private static JsonNode awaitState(TestHttp analyst, String rebuildId, String state) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode rebuild = analyst.get("/api/views/rebuilds/" + rebuildId).json();
            if (rebuild.get("state").asText().equals(state)) {
                return rebuild;
            }
            if (rebuild.get("state").asText().equals("FAILED")) {
                throw new IllegalStateException("the rebuild failed: " + rebuild);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the rebuild did not reach " + state + " within " + GIVE_UP_AFTER);
    }

    /** The most heap in use, sampled every 100 ms. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        long peakAndReset() {
            return peak.getAndSet(0) / (1024 * 1024);
        }

        void stop() {
            running = false;
        }
    }
}
