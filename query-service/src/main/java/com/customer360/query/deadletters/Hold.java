package com.customer360.query.deadletters;

import java.time.Instant;

/**
 * A held customer: one of their records became a dead letter, so none of their later records is applied until that
 * one is re-driven (or deliberately deleted). Each document only applies the next event of an aggregate, so applying
 * the later ones past it would leave it behind for good.
 *
 * @param firstDeadLetterId the dead letter that started the hold
 * @param reasonCode why that one is a dead letter; a customer held at a {@code SEQUENCE_GAP} is re-driven by itself
 *     as more of their records arrive, since one of them may be the missing event
 * @param topic the topic of that dead letter
 * @param partition its partition
 * @param offset its offset
 * @param heldAt when the hold started
 * @param version grows each time a batch adds dead letters of the customer; a hold is only released at the version
 *     whose dead letters a re-drive has seen, so a dead letter stored meanwhile is never left without a hold
 */
public record Hold(
        String customerId,
        String firstDeadLetterId,
        String reasonCode,
        String topic,
        int partition,
        long offset,
        Instant heldAt,
        long version) {

    /** The hold a dead letter starts, before it is stored. */
    public static Hold startedBy(DeadLetter deadLetter, Instant at) {
        return new Hold(
                deadLetter.customerId(),
                deadLetter.id(),
                deadLetter.reasonCode(),
                deadLetter.record().topic(),
                deadLetter.record().partition(),
                deadLetter.record().offset(),
                at,
                0);
    }
}
