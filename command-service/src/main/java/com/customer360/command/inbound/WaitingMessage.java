package com.customer360.command.inbound;

import java.time.Instant;

/**
 * A message kept until the fact it needs arrives: the record as it came, when it first arrived, until when it may
 * wait, why it is waiting, what it is about and what it waits for.
 */
record WaitingMessage(
        String id,
        InboundRecord record,
        Instant arrivedAt,
        Instant deadline,
        int attempts,
        Outcome lastOutcome,
        Subject subject,
        Awaited awaits) {

    WaitingMessage triedAgain(Outcome outcome, Subject read, Awaited awaited) {
        return new WaitingMessage(id, record, arrivedAt, deadline, attempts + 1, outcome, read, awaited);
    }

    WaitingMessage behind(Outcome outcome, Awaited awaited) {
        return new WaitingMessage(id, record, arrivedAt, deadline, attempts, outcome, subject, awaited);
    }

    boolean sameWait(WaitingMessage other) {
        return lastOutcome.equals(other.lastOutcome) && awaits.equals(other.awaits);
    }
}
