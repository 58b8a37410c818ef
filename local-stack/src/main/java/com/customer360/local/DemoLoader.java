package com.customer360.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link DemoData.Plan} to the command API. Every request carries an Idempotency-Key, so a load that was
 * interrupted can simply run again: what was done before is answered without being done twice.
 */
final class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    /** Concurrent clients: enough to keep both services busy while requests wait on the network and the store. */
    static final int CLIENTS = 8;

    /** How the load went. */
    record Outcome(int sent, int refused, Duration took) {}

    private final URI commandApi;
    private final String authorization;
    private final int parallelism;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** @param authorization the {@code Authorization} header of a user who may send commands */
    DemoLoader(URI commandApi, String authorization, int parallelism) {
        this.commandApi = commandApi;
        this.authorization = authorization;
        this.parallelism = parallelism;
    }

    Outcome load(DemoData.Plan plan) throws InterruptedException {
        long start = System.nanoTime();
        run(plan.customers().stream().map(List::of).toList());
        run(plan.orders());
        return new Outcome(sent.get(), refused.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Chains run in parallel; the calls of one chain run one after another. */
    private void run(List<List<DemoData.Call>> chains) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            for (List<DemoData.Call> chain : chains) {
                pool.execute(() -> chain.forEach(this::send));
            }
        } finally {
            pool.shutdown();
        }
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("demo data did not load within 30 minutes");
        }
    }

    private void send(DemoData.Call call) {
        try {
            HttpRequest request = HttpRequest.newBuilder(commandApi.resolve(call.path()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", call.idempotencyKey())
                    .header("Authorization", authorization)
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(call.body())))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            // 409: created on an earlier run of the loader, on another day; keeping the first one is right.
            if (response.statusCode() >= 300 && response.statusCode() != 409) {
                refused.incrementAndGet();
                log.warn("Demo request {} {} refused with {}", call.method(), call.path(), response.statusCode());
            }
        } catch (IOException e) {
            refused.incrementAndGet();
            log.warn("Demo request {} {} failed: {}", call.method(), call.path(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int count = sent.incrementAndGet();
        if (count % 2000 == 0) {
            log.info("Demo data: {} requests sent", count);
        }
    }
}
