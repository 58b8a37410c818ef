package com.customer360.local;

import com.customer360.testing.TestHttp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** For RebuildBenchmark: readers of random customers' details, one request after another, recording each latency. */
final class BenchmarkReaders {
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong limit = new AtomicLong(Long.MAX_VALUE);
    private Thread thread;

    static BenchmarkReaders run(TestHttp http, List<String> customers, int requests) {
        BenchmarkReaders readers = new BenchmarkReaders();
        readers.limit.set(requests);
        readers.begin(http, customers);
        return readers;
    }

    static BenchmarkReaders start(TestHttp http, List<String> customers) {
        BenchmarkReaders readers = new BenchmarkReaders();
        readers.begin(http, customers);
        return readers;
    }

    private void begin(TestHttp http, List<String> customers) {
        thread = new Thread(() -> {
            Random random = new Random(11);
            for (long i = 0; running.get() && i < limit.get(); i++) {
                String customerId = customers.get(random.nextInt(customers.size()));
                long start = System.nanoTime();
                try {
                    int status = http.get("/api/customers/" + customerId).status();
                    if (status != 200) {
                        failures.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
                nanos.add(System.nanoTime() - start);
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    void awaitAndStop() throws InterruptedException {
        if (limit.get() == Long.MAX_VALUE) {
            running.set(false);
        }
        thread.join(RebuildBenchmark.GIVE_UP_AFTER.toMillis());
        running.set(false);
    }

    int count() {
        return nanos.size();
    }

    int failures() {
        return failures.get();
    }

    double max() {
        synchronized (nanos) {
            return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
        }
    }

    double p99() {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
    }
}
