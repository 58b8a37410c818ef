package com.customer360.query.fold;

import com.customer360.events.cloudevents.EventEnvelope;

/**
 * Why an event could not be applied: a stable code for alerts and filters, and a reason a person can act on. The
 * reason may name ids and positions but never a customer's details, because it travels into dead letters.
 *
 * @param reasonCode {@code SEQUENCE_GAP}, {@code ORDER_UNKNOWN}, {@code CURRENCY_MISMATCH}, {@code
 *     PROJECTION_FAILED} or {@code DOCUMENT_REFUSED}
 */
public record Failure(String reasonCode, String reason) {

    public static final String PROJECTION_FAILED = "PROJECTION_FAILED";
    public static final String DOCUMENT_REFUSED = "DOCUMENT_REFUSED";

    /** An event a document did not take, with the document's last applied position. */
    public static Failure of(FoldOutcome outcome, EventEnvelope event, long lastApplied) {
        String aggregate = event.aggregateType() + " " + event.aggregateId();
        String reason =
                switch (outcome) {
                    case SEQUENCE_GAP ->
                        aggregate + ": " + event.type() + " is at position " + event.aggregateSequence()
                                + " but the last position applied is " + lastApplied + ", so position "
                                + (lastApplied + 1)
                                + (event.aggregateSequence() > lastApplied + 2
                                        ? " to " + (event.aggregateSequence() - 1)
                                        : "")
                                + " is missing; the relay can re-publish the " + event.aggregateType() + "'s events";
                    case ORDER_UNKNOWN ->
                        aggregate + ": its first event is " + event.type() + ", not order.drafted or order.placed";
                    case CURRENCY_MISMATCH ->
                        aggregate + ": " + event.type() + " " + event.id() + " is in another currency than the order";
                    default -> throw new IllegalArgumentException(outcome + " is not a failure");
                };
        return new Failure(outcome.name(), reason);
    }

    /** A projection that threw: type and place only, because a message may quote the event. */
    public static Failure thrown(EventEnvelope event, RuntimeException e) {
        StackTraceElement[] trace = e.getStackTrace();
        return new Failure(
                PROJECTION_FAILED,
                "projecting " + event.type() + " " + event.id() + " failed: "
                        + e.getClass().getName() + " at " + (trace.length > 0 ? trace[0] : "?"));
    }

    public static Failure refused(String reason) {
        return new Failure(DOCUMENT_REFUSED, reason);
    }
}
