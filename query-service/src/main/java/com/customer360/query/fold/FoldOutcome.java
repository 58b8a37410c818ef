package com.customer360.query.fold;

/** What folding one event into a document did. */
public enum FoldOutcome {
    /** The event changed the document. */
    APPLIED,
    /** The document already reflects the event (a redelivery or a replay); nothing changed. */
    ALREADY_APPLIED,
    /**
     * The event is more than one step past the last one applied to its aggregate: an event before it is missing.
     * Nothing changed; the event waits (in a dead letter) until the missing one has been applied.
     */
    SEQUENCE_GAP,
    /** The first event of an order is neither a draft nor a placement, so there is no order to apply it to. */
    ORDER_UNKNOWN,
    /** A refund in another currency than its order's; figures are never mixed across currencies. */
    CURRENCY_MISMATCH;

    /** Whether the event is now part of the document, applied by this fold or before. */
    public boolean isDone() {
        return this == APPLIED || this == ALREADY_APPLIED;
    }
}
