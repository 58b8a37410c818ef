package com.customer360.command.inbound;

/** A record that cannot become a command, and why. */
final class UnacceptableMessage extends Exception {

    private final InboundReason reason;

    UnacceptableMessage(InboundReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    InboundReason reason() {
        return reason;
    }
}
