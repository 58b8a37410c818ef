package com.customer360.command.inbound;

import java.time.Instant;

/**
 * A message kept until the fact it needs arrives: the record as it came, when it first arrived, until when it may
 * wait, and why it is waiting.
 */
record WaitingMessage(
        String id, InboundRecord record, Instant arrivedAt, Instant deadline, int attempts, Outcome lastOutcome) {

    WaitingMessage triedAgain(Outcome outcome) {
        return new WaitingMessage(id, record, arrivedAt, deadline, attempts + 1, outcome);
    }
}
