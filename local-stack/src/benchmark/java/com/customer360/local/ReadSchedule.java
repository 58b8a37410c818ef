package com.customer360.local;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The open-loop schedule of one read run and what became of each request on it. Request {@code k} is due
 * {@code k / rate} seconds after the run starts, whether or not earlier answers came back; a bounded pool of senders
 * takes the requests in order, so when the server is slower than the schedule they wait for a free connection, and
 * their time is counted from when they were due, not from when they were sent (the wait is the queueing an
 * overloaded server causes). A request still waiting {@code timeout} after it was due is dropped and counted as KO,
 * like one that timed out or was not answered 200, or one that was never sent because the run stopped.
 *
 * <p>Gatling's own report times each request from the moment it was sent; this is the figure a client on the
 * schedule sees. Runs are kept by name for the benchmark to read once Gatling is done (same JVM).
 */
final class ReadSchedule {

    private static final Map<String, ReadSchedule> RUNS = new ConcurrentHashMap<>();

    /** What the run measured: {@code perSecond} is answers 200 per second of the run, times in milliseconds. */
    record Figures(
            int due,
            long ok,
            long failed,
            long dropped,
            long missing,
            double offeredPerSecond,
            double perSecond,
            double p50,
            double p95,
            double p99,
            double max) {

        long ko() {
            return failed + dropped + missing;
        }
    }

    // Each request's outcome: its time in nanoseconds plus one when answered 200; 0 while it has none.
    private static final long MISSING = 0;
    private static final long FAILED = -1;
    private static final long DROPPED = -2;

    final int rate;
    final int due;
    final Duration timeout;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong startNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastAnswerNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLongArray outcomes;

    private ReadSchedule(int rate, int seconds, Duration timeout) {
        this.rate = rate;
        this.due = rate * seconds;
        this.timeout = timeout;
        this.outcomes = new AtomicLongArray(due);
    }

    static ReadSchedule create(String name, int rate, int seconds, Duration timeout) {
        ReadSchedule schedule = new ReadSchedule(rate, seconds, timeout);
        RUNS.put(name, schedule);
        return schedule;
    }

    /** Forgets every run, once their figures have been read. */
    static void forgetRuns() {
        RUNS.clear();
    }

    static ReadSchedule named(String name) {
        ReadSchedule schedule = RUNS.get(name);
        if (schedule == null) {
            throw new IllegalStateException("no read run named '" + name + "': " + RUNS.keySet());
        }
        return schedule;
    }

    /** The next request for a free sender, or {@code due} when the schedule is exhausted. The clock starts at 0. */
    long claim() {
        startNanos.compareAndSet(Long.MIN_VALUE, System.nanoTime());
        return Math.min(next.getAndIncrement(), due);
    }

    /**
     * How long the sender waits before request {@code k} is due, zero when it is late. Gatling pauses in whole
     * milliseconds, so this rounds up: a request is never sent before it is due, at worst a millisecond after, and
     * that millisecond counts against the server's time.
     */
    Duration untilDue(long k) {
        long nanos = dueNanos(k) - System.nanoTime();
        return nanos <= 0 ? Duration.ZERO : Duration.ofMillis((nanos + 999_999) / 1_000_000);
    }

    /** Whether request {@code k} has waited for a connection so long that it is dropped instead of sent. */
    boolean tooLate(long k) {
        return System.nanoTime() - dueNanos(k) > timeout.toNanos();
    }

    void dropped(long k) {
        outcomes.set((int) k, DROPPED);
    }

    /** Request {@code k} was answered (200 when {@code ok}) now. */
    void answered(long k, boolean ok) {
        long now = System.nanoTime();
        outcomes.set((int) k, ok ? Math.max(0, now - dueNanos(k)) + 1 : FAILED);
        lastAnswerNanos.accumulateAndGet(now, Math::max);
    }

    Figures figures() {
        long[] times = new long[due];
        long ok = 0;
        long failed = 0;
        long dropped = 0;
        long missing = 0;
        for (int k = 0; k < due; k++) {
            long outcome = outcomes.get(k);
            if (outcome == MISSING) {
                missing++;
            } else if (outcome == FAILED) {
                failed++;
            } else if (outcome == DROPPED) {
                dropped++;
            } else {
                times[(int) ok++] = outcome - 1;
            }
        }
        long[] sorted = Arrays.copyOf(times, (int) ok);
        Arrays.sort(sorted);
        // The run lasts from the first request due to the last answer, at least the schedule's own length.
        double seconds = Math.max(
                (double) due / rate,
                startNanos.get() == Long.MIN_VALUE || lastAnswerNanos.get() == Long.MIN_VALUE
                        ? 0
                        : (lastAnswerNanos.get() - startNanos.get()) / 1e9);
        return new Figures(
                due,
                ok,
                failed,
                dropped,
                missing,
                rate,
                seconds == 0 ? 0 : ok / seconds,
                millis(sorted, 0.50),
                millis(sorted, 0.95),
                millis(sorted, 0.99),
                millis(sorted, 1.0));
    }

    private long dueNanos(long k) {
        return startNanos.get() + k * 1_000_000_000L / rate;
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
