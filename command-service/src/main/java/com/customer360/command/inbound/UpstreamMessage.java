package com.customer360.command.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A readable message: its CloudEvents identity and type, and its data, already checked against the type's schema.
 * {@code source} and {@code id} together identify it; the request id built from them makes a repeat harmless.
 */
record UpstreamMessage(String source, String id, String type, ObjectNode data) {

    String requestId() {
        return "ce:" + source + "|" + id;
    }
}
