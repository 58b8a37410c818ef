package com.customer360.command.inbound;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Tries every waiting message again every retry interval, and soon after a re-drive of dead letters. (Right after a
 * message is carried out, the intake itself tries the waiting messages of its customer and order.) One thread, so
 * these retries never overlap within an instance; a message may still be tried twice at once, by the listener or
 * another instance, which its request id makes harmless.
 */
final class WaitingRetries implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WaitingRetries.class);

    private final InboundIntake intake;
    private final Duration interval;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService executor;

    WaitingRetries(InboundIntake intake, Duration interval) {
        this.intake = intake;
        this.interval = interval;
    }

    /** Asks for a retry as soon as possible; several requests before it runs make one retry. */
    void soon() {
        ScheduledExecutorService current = executor;
        if (current != null && queued.compareAndSet(false, true)) {
            current.execute(this::retry);
        }
    }

    private void retry() {
        queued.set(false);
        try {
            int carriedOut = intake.retryWaiting();
            if (carriedOut > 0) {
                log.info(
                        "{} waiting upstream messages carried out, {} still waiting",
                        carriedOut,
                        intake.waitingCount());
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Retrying waiting upstream messages failed, trying again in {}: {}",
                    interval,
                    e.getClass().getName());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inbound-retries");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::retry, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets a retry under way finish (it stops between messages) before the rest of the service shuts down. */
    @Override
    public synchronized void stop() {
        if (executor != null) {
            intake.stopRetrying();
            executor.shutdown();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    /** Stops before the Kafka listener and Axon, so no retry is cut off half-way by the shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
