package com.customer360.command.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Where every inbound message goes: the live listener hands over each new record, and the retry loop hands back every
 * waiting one. Each customer's and order's messages are carried out in the order they arrived ({@link ArrivalOrder}):
 * a new message waits behind an earlier waiting one of the same customer or order unless it is what that one waits
 * for, and right after a message is carried out, the waiting messages it may have let go are tried again, in arrival
 * order, before the next record is handled. Waiting messages are tried again until they succeed, are given up on for a
 * final reason, or run out of time — then they are dead-lettered with the reason they were last waiting for.
 *
 * <p>The listener handles a record, and the retry loop each waiting message, holding one lock, and a waiting message
 * is tried only while it is still waiting: otherwise the loop could dead-letter a message that had run out of time
 * while the listener, having just carried out what it waited for, carried it out too.
 */
final class InboundIntake {

    private final InboundProcessor processor;
    private final WaitingMessages waiting;
    private final InboundDeadLetters deadLetters;
    private final Clock clock;
    private final Duration maxWait;
    private final AtomicLong waitingCount = new AtomicLong();
    private final ReentrantLock handling = new ReentrantLock();
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

    /** Handles a record just polled: carried out (with what it lets go), kept waiting, or dead-lettered. */
    void handleNew(InboundRecord record) {
        handling.lock();
        try {
            handle(record);
        } finally {
            handling.unlock();
        }
    }

    private void handle(InboundRecord record) {
        UpstreamMessage message;
        try {
            message = processor.read(record);
        } catch (UnacceptableMessage e) {
            deadLetters.publish(record, Outcome.deadLettered(e.reason(), e.getMessage()));
            return;
        }
        Subject subject = Subject.of(message);
        List<WaitingMessage> earlier = waiting.concerning(subject);
        Instant now = clock.instant();
        Optional<WaitingMessage> blocker = ArrivalOrder.blocker(subject, earlier);
        if (blocker.isPresent()) {
            keep(new WaitingMessage(
                    record.coordinates(),
                    record,
                    now,
                    now.plus(maxWait),
                    0,
                    behind(blocker.get()),
                    subject,
                    blocker.get().awaits()));
            return;
        }
        Outcome outcome = processor.carryOut(message, record);
        switch (outcome.kind()) {
            case WAITING ->
                keep(new WaitingMessage(
                        record.coordinates(),
                        record,
                        now,
                        now.plus(maxWait),
                        1,
                        outcome,
                        subject,
                        ArrivalOrder.awaited(outcome.reason(), subject)));
            case DEAD_LETTERED -> deadLetters.publish(record, outcome);
            case CARRIED_OUT -> {
                if (!earlier.isEmpty()) {
                    WaitingMessages.Ids connected = WaitingMessages.Ids.of(subject);
                    retryUntilNoneMoves(() -> waiting.connectedTo(connected));
                    waitingCount.set(waiting.count());
                }
            }
        }
    }

    /** Tries every waiting message again, in arrival order; returns how many were carried out. */
    synchronized int retryWaiting() {
        int carriedOut = retryUntilNoneMoves(waiting::inArrivalOrder);
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

    private void keep(WaitingMessage message) {
        waiting.keep(message);
        waitingCount.set(waiting.count());
    }

    /** Passes over the messages until one carries nothing out: a success may let go one that arrived before it. */
    private int retryUntilNoneMoves(Supplier<List<WaitingMessage>> messages) {
        int carriedOut = 0;
        int progress;
        do {
            progress = pass(messages.get());
            carriedOut += progress;
        } while (progress > 0 && !stopping);
        return carriedOut;
    }

    /** One pass in arrival order: each message is tried unless an earlier one still waiting holds it back. */
    private int pass(List<WaitingMessage> messages) {
        List<WaitingMessage> stillWaiting = new ArrayList<>();
        int carriedOut = 0;
        for (WaitingMessage message : messages) {
            if (stopping) {
                break;
            }
            Tried tried = attempt(message, stillWaiting);
            if (tried.stillWaiting() != null) {
                stillWaiting.add(tried.stillWaiting());
            }
            carriedOut += tried.carriedOut() ? 1 : 0;
        }
        return carriedOut;
    }

    /** What became of a waiting message in a pass: carried out, still waiting (as it now waits), or neither. */
    private record Tried(boolean carriedOut, WaitingMessage stillWaiting) {
        static final Tried CARRIED_OUT = new Tried(true, null);
        static final Tried GONE = new Tried(false, null);

        static Tried waiting(WaitingMessage message) {
            return new Tried(false, message);
        }
    }

    private Tried attempt(WaitingMessage message, List<WaitingMessage> stillWaiting) {
        handling.lock();
        try {
            if (!waiting.stillWaiting(message.id())) {
                return Tried.GONE;
            }
            Optional<WaitingMessage> blocker = ArrivalOrder.blocker(message.subject(), stillWaiting);
            return blocker.isPresent() ? stayBehind(message, blocker.get()) : retry(message);
        } finally {
            handling.unlock();
        }
    }

    private Tried stayBehind(WaitingMessage message, WaitingMessage blocker) {
        if (waitedTooLong(message)) {
            giveUp(message, behind(blocker));
            return Tried.GONE;
        }
        WaitingMessage behind = message.behind(behind(blocker), blocker.awaits());
        if (!behind.sameWait(message)) {
            waiting.update(behind);
        }
        return Tried.waiting(behind);
    }

    private Tried retry(WaitingMessage message) {
        UpstreamMessage read;
        try {
            read = processor.read(message.record());
        } catch (UnacceptableMessage e) {
            deadLetters.publish(message.record(), Outcome.deadLettered(e.reason(), e.getMessage()));
            waiting.remove(message.id());
            return Tried.GONE;
        }
        Subject subject = Subject.of(read);
        Outcome outcome = processor.carryOut(read, message.record());
        switch (outcome.kind()) {
            case CARRIED_OUT -> {
                waiting.remove(message.id());
                return Tried.CARRIED_OUT;
            }
            case DEAD_LETTERED -> {
                deadLetters.publish(message.record(), outcome);
                waiting.remove(message.id());
                return Tried.GONE;
            }
            default -> {
                if (waitedTooLong(message)) {
                    giveUp(message, outcome);
                    return Tried.GONE;
                }
                WaitingMessage again =
                        message.triedAgain(outcome, subject, ArrivalOrder.awaited(outcome.reason(), subject));
                waiting.update(again);
                return Tried.waiting(again);
            }
        }
    }

    private boolean waitedTooLong(WaitingMessage message) {
        return !clock.instant().isBefore(message.deadline());
    }

    private void giveUp(WaitingMessage message, Outcome last) {
        deadLetters.publish(
                message.record(),
                Outcome.deadLettered(
                        last.reason(),
                        "gave up after waiting " + maxWait + " (" + message.attempts() + " attempts): "
                                + last.message()));
        waiting.remove(message.id());
    }

    private static Outcome behind(WaitingMessage blocker) {
        return Outcome.waiting(
                blocker.lastOutcome().reason(),
                "behind " + blocker.id() + " of the same customer or order, which waits for "
                        + blocker.awaits().describe());
    }
}
