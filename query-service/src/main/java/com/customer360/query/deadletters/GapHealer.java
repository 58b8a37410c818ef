package com.customer360.query.deadletters;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Heals gaps by itself. A customer held at a {@code SEQUENCE_GAP} waits for an event that was not there; when more of
 * their records arrive (they are dead-lettered behind the gap), one of them may be the missing event — re-published
 * by the relay, or simply late — so the customer is re-driven, which applies whatever now fits and releases the hold
 * once nothing is left. It looks soon after dead letters were kept and every heal interval, and re-drives a customer
 * only when their hold changed since it last tried, so a gap that stays open costs nothing.
 */
@Component
class GapHealer implements SmartLifecycle {

    static final String SEQUENCE_GAP = "SEQUENCE_GAP";

    private static final Logger log = LoggerFactory.getLogger(GapHealer.class);

    private final HeldCustomers heldCustomers;
    private final DeadLetterRedrive redrive;
    private final Duration interval;
    private final MeterRegistry meters;
    private final AtomicBoolean queued = new AtomicBoolean();
    /** The hold version last tried, by customer: a hold whose version did not move has nothing new. */
    private final Map<String, Long> tried = new HashMap<>();

    private ScheduledExecutorService executor;

    GapHealer(
            HeldCustomers heldCustomers, DeadLetterRedrive redrive, DeadLetterSettings settings, MeterRegistry meters) {
        this.heldCustomers = heldCustomers;
        this.redrive = redrive;
        this.interval = settings.healInterval();
        this.meters = meters;
    }

    /** Asks for a look as soon as possible; several requests before it runs make one look. */
    void soon() {
        ScheduledExecutorService current = executor;
        if (current != null && queued.compareAndSet(false, true)) {
            current.execute(this::heal);
        }
    }

    private void heal() {
        queued.set(false);
        try {
            for (Hold hold : heldCustomers.heldFor(SEQUENCE_GAP)) {
                Long last = tried.put(hold.customerId(), hold.version());
                if (last != null && last == hold.version()) {
                    continue;
                }
                RedriveReport.CustomerRedrive outcome = redrive.heal(hold.customerId());
                if (outcome != null && outcome.released()) {
                    tried.remove(hold.customerId());
                    meters.counter("customer360.dead-letters.gaps-healed").increment();
                }
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Healing customers held at a gap failed, trying again in {}: {}",
                    interval,
                    e.getClass().getName());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gap-healer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::heal, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
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

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
