package com.customer360.query.views;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A rebuild runner's events per second since it started, and the pause that keeps a configured pace. */
final class RebuildPace {
    private final long startNanos = System.nanoTime();
    private final long startApplied;
    private long applied;

    RebuildPace(long startApplied) {
        this.startApplied = startApplied;
        this.applied = startApplied;
    }

    void record(long applied) {
        this.applied = applied;
    }

    double perSecond() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds <= 0 ? 0 : (applied - startApplied) / seconds;
    }

    void keep(long maxPerSecond) {
        if (maxPerSecond <= 0) {
            return;
        }
        long dueNanos = startNanos + TimeUnit.SECONDS.toNanos(applied - startApplied) / maxPerSecond;
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
