package com.customer360.events.cloudevents;

/** A record that cannot be read as an event of the contract, with a reason a person can act on. */
public final class UnreadableEventException extends Exception {

    /** Why a record could not be read; travels as a dead-letter header. */
    public enum Reason {
        MALFORMED_JSON,
        NOT_A_CLOUDEVENT,
        UNKNOWN_TYPE,
        UNSUPPORTED_REVISION,
        INVALID_DATA
    }

    private final Reason reason;

    public UnreadableEventException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
