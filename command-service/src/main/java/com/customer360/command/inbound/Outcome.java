package com.customer360.command.inbound;

/** What became of one message. */
record Outcome(Kind kind, InboundReason reason, String message) {

    /** Done, to be tried again later, or given up on. */
    enum Kind {
        CARRIED_OUT,
        WAITING,
        DEAD_LETTERED
    }

    static final Outcome CARRIED_OUT = new Outcome(Kind.CARRIED_OUT, null, null);

    static Outcome waiting(InboundReason reason, String message) {
        return new Outcome(Kind.WAITING, reason, message);
    }

    static Outcome deadLettered(InboundReason reason, String message) {
        return new Outcome(Kind.DEAD_LETTERED, reason, message);
    }
}
