package com.customer360.query.intake;

import java.time.Instant;

/**
 * A held customer: one of their records became a dead letter, so none of their later records is applied until that
 * one is re-driven (or deliberately deleted), because each document only applies events past the last one applied and
 * would silently skip the dead letter once a later event had gone through.
 *
 * @param firstDeadLetterId the dead letter that started the hold
 * @param topic the topic of that dead letter
 * @param partition its partition
 * @param offset its offset
 * @param heldAt when the hold started
 * @param version grows each time a batch adds dead letters of the customer; a hold is only released at the version
 *     whose dead letters a re-drive has seen, so a dead letter stored meanwhile is never left without a hold
 */
record Hold(
        String customerId,
        String firstDeadLetterId,
        String topic,
        int partition,
        long offset,
        Instant heldAt,
        long version) {

    /** The hold a dead letter starts, before it is stored. */
    static Hold startedBy(DeadLetter deadLetter, Instant at) {
        return new Hold(
                deadLetter.customerId(),
                deadLetter.id(),
                deadLetter.record().topic(),
                deadLetter.record().partition(),
                deadLetter.record().offset(),
                at,
                0);
    }
}
