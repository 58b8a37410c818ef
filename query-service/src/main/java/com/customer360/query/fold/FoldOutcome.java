package com.customer360.query.fold;

/** What folding one event did to a document. */
public enum FoldOutcome {
    /** The event changed the document. */
    APPLIED,
    /** The document already reflects the event (a redelivery or a replay); nothing changed. */
    ALREADY_APPLIED,
    /** The event concerns an order the document has never seen drafted or placed, so it cannot be applied. */
    ORDER_UNKNOWN,
    /** A refund in another currency than its order's; figures are never mixed across currencies. */
    CURRENCY_MISMATCH
}
