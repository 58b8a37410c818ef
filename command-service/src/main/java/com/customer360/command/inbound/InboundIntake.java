package com.customer360.command.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where every inbound message goes: the live listener hands over each new record, and the retry loop hands back
 * every waiting one in arrival order. Waiting messages are tried again until they succeed, are given up on for a
 * final reason, or run out of time — then they are dead-lettered with the reason they were last waiting for.
 */
final class InboundIntake {

    /** How many passes one retry may make: a success can unblock a message that arrived before it. */
    private static final int PASSES = 5;

    private final InboundProcessor processor;
    private final WaitingMessages waiting;
    private final InboundDeadLetters deadLetters;
    private final Clock clock;
    private final Duration maxWait;
    private final AtomicLong waitingCount = new AtomicLong();
    private volatile boolean stopping;

    InboundIntake(
            InboundProcessor processor,
            WaitingMessages waiting,
            InboundDeadLetters deadLetters,
            Clock clock,
            Duration maxWait,
            MeterRegistry meters) {
        this.processor = processor;
        this.waiting = waiting;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.maxWait = maxWait;
        meters.gauge("customer360.inbound.waiting", waitingCount);
    }

    /** Handles a record just polled; true when it was carried out, so waiting messages may now succeed. */
    boolean handleNew(InboundRecord record) {
        Outcome outcome = processor.process(record);
        switch (outcome.kind()) {
            case WAITING -> {
                Instant now = clock.instant();
                waiting.keep(new WaitingMessage(record.coordinates(), record, now, now.plus(maxWait), 1, outcome));
                waitingCount.set(waiting.count());
            }
            case DEAD_LETTERED -> deadLetters.publish(record, outcome);
            case CARRIED_OUT -> {
                return true;
            }
        }
        return false;
    }

    /** Tries every waiting message again, in arrival order; returns how many were carried out. */
    synchronized int retryWaiting() {
        int carriedOut = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            int progress = 0;
            for (WaitingMessage message : waiting.inArrivalOrder()) {
                if (stopping) {
                    return carriedOut + progress;
                }
                progress += retry(message) ? 1 : 0;
            }
            carriedOut += progress;
            if (progress == 0) {
                break;
            }
        }
        waitingCount.set(waiting.count());
        return carriedOut;
    }

    /** The service is shutting down: a retry under way stops after the message in hand. */
    void stopRetrying() {
        stopping = true;
    }

    long waitingCount() {
        return waitingCount.get();
    }

    private boolean retry(WaitingMessage message) {
        if (!clock.instant().isBefore(message.deadline())) {
            Outcome last = message.lastOutcome();
            deadLetters.publish(
                    message.record(),
                    Outcome.deadLettered(
                            last.reason(),
                            "gave up after waiting " + maxWait + " (" + message.attempts() + " attempts): "
                                    + last.message()));
            waiting.remove(message.id());
            return false;
        }
        Outcome outcome = processor.process(message.record());
        switch (outcome.kind()) {
            case CARRIED_OUT -> {
                waiting.remove(message.id());
                return true;
            }
            case WAITING -> waiting.update(message.triedAgain(outcome));
            case DEAD_LETTERED -> {
                deadLetters.publish(message.record(), outcome);
                waiting.remove(message.id());
            }
        }
        return false;
    }
}
